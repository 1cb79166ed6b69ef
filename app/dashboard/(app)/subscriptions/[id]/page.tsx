// GET /dashboard/subscriptions/[id] — one subscription: summary, items, invoices, events, and canceling it; another account's id is a 404
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cancelAtPeriodEndAction, cancelSubscriptionNowAction } from '@/app/dashboard/(app)/subscriptions/actions';
import { DetailHeader } from '@/components/dashboard/detail-header';
import { EventsCard } from '@/components/dashboard/events-card';
import { InvoicesTable } from '@/components/dashboard/invoices/invoices-table';
import { SubscriptionBadge } from '@/components/dashboard/subscriptions/subscription-badge';
import { SubscriptionCancelForms } from '@/components/dashboard/subscriptions/subscription-cancel-forms';
import { SubscriptionItemsCard } from '@/components/dashboard/subscriptions/subscription-items-card';
import { SubscriptionSummaryCard } from '@/components/dashboard/subscriptions/subscription-summary-card';
import { Card } from '@/components/ui/card';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { subscriptionDetail } from '@/lib/dashboard/subscription-detail';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.subscriptions'))('detail.title') };
}

export default async function SubscriptionDetailPage({ params }: Props) {
  const { db, accountId } = await requireMerchant();
  const { id } = await params;
  const detail = await subscriptionDetail(db, { accountId, id });
  if (!detail) notFound();
  const [t, format] = await Promise.all([getTranslations('Dashboard.subscriptions'), getFormatter()]);
  const { subscription: s } = detail;
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <DetailHeader
        back={{ href: '/dashboard/subscriptions', text: t('detail.back') }}
        title={t('detail.title')}
        id={s.id}
        idTestId="subscription-id"
        created={t('detail.created', { date: at(s.created) })}
        status={
          <span data-testid="subscription-status">
            <SubscriptionBadge status={s.status} />
          </span>
        }
      />
      <div className="mb-4 grid gap-4 lg:grid-cols-2 lg:items-start">
        <SubscriptionSummaryCard detail={detail} />
        <Card title={t('cancel.title')}>
          {detail.live ? (
            <SubscriptionCancelForms
              periodEnd={at(s.currentPeriodEnd)}
              cancelAtPeriodEnd={s.cancelAtPeriodEnd}
              setCancelAtPeriodEnd={cancelAtPeriodEndAction.bind(null, s.id)}
              cancelNow={cancelSubscriptionNowAction.bind(null, s.id)}
            />
          ) : (
            <p className="text-sm text-[var(--ck-muted)]" data-testid="subscription-ended">
              {t('cancel.ended')}
            </p>
          )}
        </Card>
      </div>
      <SubscriptionItemsCard items={detail.items} />
      <Card title={t('detail.invoices')} className="mb-4">
        <InvoicesTable rows={detail.invoices} caption={t('detail.invoices_caption')} empty={t('detail.no_invoices')} withCustomer={false} />
      </Card>
      <EventsCard events={detail.events} caption={t('detail.events_caption')} testId="subscription-events" />
    </>
  );
}
