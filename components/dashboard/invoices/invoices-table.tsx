import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';
import type { InvoiceSummary } from '@/lib/dashboard/invoice-summary';
import { formatAmount } from '@/lib/money/format';
import { InvoiceBadge } from './invoice-badge';

const link = 'text-[var(--ck-link)] underline';

/** Invoices as rows: the number links to the invoice's page, the customer to theirs (left out on a customer's own page). */
export function InvoicesTable({
  rows,
  caption,
  empty,
  withCustomer = true,
}: {
  rows: InvoiceSummary[];
  caption: string;
  empty: string;
  withCustomer?: boolean;
}) {
  const t = useTranslations('Dashboard.invoices');
  const format = useFormatter();
  const locale = useLocale();
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      empty={empty}
      columns={[
        {
          key: 'number',
          header: t('columns.number'),
          className: 'whitespace-nowrap',
          cell: (r) => (
            <Link href={`/dashboard/invoices/${r.id}`} className={link} data-testid="invoice-link">
              {r.number ?? t('draft_number', { id: r.id })}
            </Link>
          ),
        },
        ...(withCustomer
          ? [
              {
                key: 'customer',
                header: t('columns.customer'),
                className: 'break-all',
                cell: (r: InvoiceSummary) => (
                  <Link href={`/dashboard/customers/${r.customerId}`} className={link}>
                    {r.customer?.email ?? r.customer?.name ?? r.customerId}
                  </Link>
                ),
              },
            ]
          : []),
        {
          key: 'amount_due',
          header: t('columns.amount_due'),
          className: 'whitespace-nowrap text-right',
          cell: (r) => (
            <>
              {formatAmount(r.amountDue, r.currency, locale)}
              {r.status === 'open' && r.amountRemaining > 0 && r.amountRemaining !== r.amountDue ? (
                <span className="block text-xs text-[var(--ck-muted)]">
                  {t('remaining', { amount: formatAmount(r.amountRemaining, r.currency, locale) })}
                </span>
              ) : null}
            </>
          ),
        },
        { key: 'status', header: t('columns.status'), cell: (r) => <InvoiceBadge status={r.status} /> },
        {
          key: 'created',
          header: t('columns.created'),
          className: 'whitespace-nowrap',
          cell: (r) => format.dateTime(r.created, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
        },
      ]}
    />
  );
}
