import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { priceLabel } from '@/components/dashboard/catalog/price-label';
import { DataTable } from '@/components/ui/data-table';
import type { RecurringAmount, SubscriptionSummary } from '@/lib/dashboard/subscription-summary';
import { SubscriptionBadge } from './subscription-badge';

const link = 'text-[var(--ck-link)] underline';

/** "€9.00 per month", in the dashboard's language (the catalog's words for a recurring price). */
export function useRecurringAmountText(): (amount: RecurringAmount | null) => string | null {
  const t = useTranslations('Dashboard.catalog.prices');
  const locale = useLocale();
  return (a) =>
    a
      ? priceLabel(
          { unit_amount: a.amount, currency: a.currency, recurring: { interval: a.interval, interval_count: a.intervalCount } },
          locale,
          t,
        )
      : null;
}

/**
 * Subscriptions as rows: the amount links to the subscription's page, the customer to theirs. On a
 * customer's own page the customer column is left out (`withCustomer`).
 */
export function SubscriptionsTable({
  rows,
  caption,
  empty,
  withCustomer = true,
}: {
  rows: SubscriptionSummary[];
  caption: string;
  empty: string;
  withCustomer?: boolean;
}) {
  const t = useTranslations('Dashboard.subscriptions');
  const format = useFormatter();
  const amountText = useRecurringAmountText();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      empty={empty}
      columns={[
        {
          key: 'amount',
          header: t('columns.amount'),
          className: 'whitespace-nowrap',
          cell: (r) => (
            <Link href={`/dashboard/subscriptions/${r.id}`} className={link} data-testid="subscription-link">
              {amountText(r.amount) ?? <code>{r.id}</code>}
            </Link>
          ),
        },
        ...(withCustomer
          ? [
              {
                key: 'customer',
                header: t('columns.customer'),
                className: 'break-all',
                cell: (r: SubscriptionSummary) => (
                  <Link href={`/dashboard/customers/${r.customerId}`} className={link}>
                    {r.customer?.email ?? r.customer?.name ?? r.customerId}
                  </Link>
                ),
              },
            ]
          : []),
        {
          key: 'status',
          header: t('columns.status'),
          cell: (r) => (
            <>
              <SubscriptionBadge status={r.status} />
              {r.cancelAtPeriodEnd && r.status !== 'canceled' ? (
                <span className="block text-xs text-[var(--ck-muted)]">{t('cancels', { date: date(r.currentPeriodEnd) })}</span>
              ) : null}
            </>
          ),
        },
        {
          key: 'period_end',
          header: t('columns.period_end'),
          className: 'whitespace-nowrap',
          cell: (r) => (r.status === 'canceled' || r.status === 'incomplete_expired' ? '—' : date(r.currentPeriodEnd)),
        },
        { key: 'created', header: t('columns.created'), className: 'whitespace-nowrap', cell: (r) => date(r.created) },
      ]}
    />
  );
}
