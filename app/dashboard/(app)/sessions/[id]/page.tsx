// GET /dashboard/sessions/[id] — one checkout session: items, totals, customer, payment, events; another account's id is a 404
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CustomerCard } from '@/components/dashboard/sessions/detail/customer-card';
import { EventsCard } from '@/components/dashboard/events-card';
import { LineItemsCard } from '@/components/dashboard/sessions/detail/line-items-card';
import { PaymentCard } from '@/components/dashboard/sessions/detail/payment-card';
import { PaymentStatusBadge, StatusBadge } from '@/components/dashboard/sessions/session-badges';
import { Card } from '@/components/ui/card';
import { DetailHeader } from '@/components/dashboard/detail-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { sessionDetail } from '@/lib/dashboard/session-detail';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.sessions'))('title') };
}

export default async function SessionDetailPage({ params }: Props) {
  const { db, accountId } = await requireMerchant();
  const { id } = await params;
  const detail = await sessionDetail(db, { accountId, id });
  if (!detail) notFound();
  const [t, format] = await Promise.all([getTranslations('Dashboard.sessions.detail'), getFormatter()]);
  const { session } = detail;
  const at = (unix: number) => format.dateTime(new Date(unix * 1000), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <DetailHeader
        back={{ href: '/dashboard/sessions', text: t('back') }}
        title={t('title')}
        id={session.id}
        idTestId="session-id"
        created={t('created', { date: at(session.created) })}
        status={
          <span className="flex gap-2" data-testid="session-statuses">
            <StatusBadge status={session.status} />
            <PaymentStatusBadge status={session.payment_status} />
          </span>
        }
      />
      {session.url ? (
        <Card title={t('hosted_url')} className="mb-4">
          <p className="mb-1 text-sm text-[var(--ck-muted)]">{t('hosted_url_hint')}</p>
          <a href={session.url} className="break-all text-sm text-[var(--ck-link)] underline" data-testid="hosted-url">
            {session.url}
          </a>
        </Card>
      ) : null}
      <LineItemsCard detail={detail} />
      <div className="mb-4 grid gap-4 lg:grid-cols-2 lg:items-start">
        <CustomerCard detail={detail} />
        <PaymentCard detail={detail} />
      </div>
      <EventsCard events={detail.events} caption={t('events_caption')} testId="session-events" />
    </>
  );
}
