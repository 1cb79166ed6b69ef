import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { DetailList } from '@/components/dashboard/sessions/detail/detail-list';
import { methodText } from '@/components/dashboard/payments/method-text';
import { Card } from '@/components/ui/card';
import type { SubscriptionDetail } from '@/lib/dashboard/subscription-detail';
import { SubscriptionBadge } from './subscription-badge';
import { useRecurringAmountText } from './subscriptions-table';

const link = 'text-[var(--ck-link)] underline';

/** The subscription at a glance: who, how much, where it stands in its period, its trial, its end, and the card it charges. */
export function SubscriptionSummaryCard({ detail }: { detail: SubscriptionDetail }) {
  const t = useTranslations('Dashboard.subscriptions.detail');
  const tPayments = useTranslations('Dashboard.payments');
  const format = useFormatter();
  const amountText = useRecurringAmountText();
  const { subscription: s, customer } = detail;
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const utc = (d: Date | null) => (d ? t('utc', { date: day(d) }) : null);
  const range = (start: Date, end: Date) => t('range', { start: day(start), end: day(end) });
  const ended = s.status === 'canceled' || s.status === 'incomplete_expired';
  const customerName = customer ? (customer.email ?? customer.name ?? customer.id) : null;
  return (
    <Card title={t('summary')}>
      <DetailList
        testId="subscription-summary"
        items={[
          [
            t('customer'),
            customer && customerName ? (
              <Link key="customer" href={`/dashboard/customers/${customer.id}`} className={link}>
                {customer.deleted ? t('deleted_customer', { customer: customerName }) : customerName}
              </Link>
            ) : null,
          ],
          [t('amount'), amountText(detail.amount)],
          [t('status'), <SubscriptionBadge key="status" status={s.status} />],
          [t('current_period'), ended ? null : range(s.currentPeriodStart, s.currentPeriodEnd)],
          [t('trial'), s.trialStart && s.trialEnd ? range(s.trialStart, s.trialEnd) : null],
          [t('cancel_at'), ended ? null : utc(s.cancelAt)],
          [t('canceled_at'), utc(s.canceledAt)],
          [t('ended_at'), utc(s.endedAt)],
          [t('cancellation_reason'), s.cancellationReason ? t(`reasons.${s.cancellationReason}`) : null],
          [t('payment_method'), methodText((key, values) => tPayments(`method.${key}`, values), detail.paymentMethod)],
          [t('description'), s.description],
        ]}
      />
    </Card>
  );
}
