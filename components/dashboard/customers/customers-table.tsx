import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';
import type { CustomerSummary } from '@/lib/dashboard/customer-list';

/** Customers as rows; the email (or, without one, the words saying so) links to the customer's page. */
export function CustomersTable({ rows }: { rows: CustomerSummary[] }) {
  const t = useTranslations('Dashboard.customers');
  const format = useFormatter();
  return (
    <DataTable
      caption={t('caption')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={t('empty')}
      columns={[
        {
          key: 'email',
          header: t('columns.email'),
          className: 'break-all',
          cell: (r) => (
            <Link href={`/dashboard/customers/${r.id}`} className="text-[var(--ck-link)] underline" data-testid="customer-link">
              {r.email ?? t('no_email')}
            </Link>
          ),
        },
        { key: 'name', header: t('columns.name'), cell: (r) => r.name ?? '—' },
        { key: 'subscriptions', header: t('columns.subscriptions'), className: 'text-right', cell: (r) => String(r.subscriptions) },
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
