import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { SessionSummary } from '@/lib/dashboard/session-summary';
import { formatAmount } from '@/lib/money/format';
import { PaymentStatusBadge, StatusBadge } from './session-badges';

/** Sessions as rows; the created time links to the session's detail page. */
export async function SessionsTable({ rows, empty }: { rows: SessionSummary[]; empty?: string }) {
  const [t, format, locale] = await Promise.all([getTranslations('Dashboard.sessions'), getFormatter(), getLocale()]);
  return (
    <DataTable
      caption={t('caption')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={empty ?? t('empty')}
      columns={[
        {
          key: 'created',
          header: t('columns.created'),
          className: 'whitespace-nowrap',
          cell: (r) => (
            <Link href={`/dashboard/sessions/${r.id}`} className="text-[var(--ck-link)] underline" data-testid="session-link">
              {format.dateTime(r.created, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}
            </Link>
          ),
        },
        { key: 'email', header: t('columns.email'), className: 'break-all', cell: (r) => r.email ?? t('no_email') },
        {
          key: 'amount',
          header: t('columns.amount'),
          className: 'whitespace-nowrap text-right',
          cell: (r) => (r.amountTotal !== null && r.currency ? formatAmount(r.amountTotal, r.currency, locale) : '—'),
        },
        { key: 'currency', header: t('columns.currency'), cell: (r) => r.currency?.toUpperCase() ?? '—' },
        { key: 'status', header: t('columns.status'), cell: (r) => <StatusBadge status={r.status} /> },
        { key: 'payment_status', header: t('columns.payment_status'), cell: (r) => <PaymentStatusBadge status={r.paymentStatus} /> },
      ]}
    />
  );
}
