import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { PaymentSummary } from '@/lib/dashboard/payment-summary';
import { formatAmount } from '@/lib/money/format';
import { methodText } from './method-text';
import { PaymentBadge } from './payment-badge';

/** Payments (charges) as rows; the amount links to the payment's page, the session to its own. */
export async function PaymentsTable({ rows }: { rows: PaymentSummary[] }) {
  const [t, format, locale] = await Promise.all([getTranslations('Dashboard.payments'), getFormatter(), getLocale()]);
  return (
    <DataTable
      caption={t('caption')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={t('empty')}
      columns={[
        {
          key: 'amount',
          header: t('columns.amount'),
          className: 'whitespace-nowrap text-right',
          cell: (r) => (
            <>
              <Link href={`/dashboard/payments/${r.id}`} className="text-[var(--ck-link)] underline" data-testid="payment-link">
                {formatAmount(r.amount, r.currency, locale)}
              </Link>
              {r.amountRefunded > 0 && r.label !== 'canceled' ? (
                <span className="block text-xs text-[var(--ck-muted)]">
                  {t('refunded_amount', { amount: formatAmount(r.amountRefunded, r.currency, locale) })}
                </span>
              ) : null}
            </>
          ),
        },
        { key: 'currency', header: t('columns.currency'), cell: (r) => r.currency.toUpperCase() },
        { key: 'status', header: t('columns.status'), cell: (r) => <PaymentBadge label={r.label} /> },
        {
          key: 'method',
          header: t('columns.method'),
          className: 'whitespace-nowrap',
          cell: (r) => methodText((key, values) => t(`method.${key}`, values), r.method) ?? '—',
        },
        { key: 'email', header: t('columns.email'), className: 'break-all', cell: (r) => r.email ?? '—' },
        {
          key: 'created',
          header: t('columns.created'),
          className: 'whitespace-nowrap',
          cell: (r) => format.dateTime(r.created, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
        },
        {
          key: 'session',
          header: t('columns.session'),
          cell: (r) =>
            r.sessionId ? (
              <Link href={`/dashboard/sessions/${r.sessionId}`} className="text-[var(--ck-link)] underline">
                {t('view_session')}
              </Link>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
