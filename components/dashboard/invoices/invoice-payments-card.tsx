import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { methodText } from '@/components/dashboard/payments/method-text';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { InvoiceDetail } from '@/lib/dashboard/invoice-detail';
import { formatAmount } from '@/lib/money/format';

type Payment = InvoiceDetail['payments'][number];

const TONE: Record<Payment['status'], BadgeTone> = {
  succeeded: 'good',
  processing: 'warn',
  requires_action: 'warn',
  requires_capture: 'warn',
  requires_confirmation: 'neutral',
  requires_payment_method: 'bad',
  canceled: 'neutral',
};

/** The payment intents made to pay the invoice, oldest first: amount, where each stands, the card, and the payment it left. */
export function InvoicePaymentsCard({ payments }: { payments: Payment[] }) {
  const t = useTranslations('Dashboard.invoices.detail');
  const tPayments = useTranslations('Dashboard.payments');
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Card title={t('payments')} className="mb-4">
      <DataTable
        caption={t('payments_caption')}
        rows={payments}
        rowKey={(p) => p.id}
        empty={t('no_payments')}
        columns={[
          {
            key: 'amount',
            header: t('payment_amount'),
            className: 'whitespace-nowrap text-right',
            cell: (p) => formatAmount(p.amount, p.currency, locale),
          },
          {
            key: 'status',
            header: t('payment_status'),
            cell: (p) => (
              <>
                <Badge tone={TONE[p.status]}>{t(`payment_statuses.${p.status}`)}</Badge>
                {p.failure && p.status === 'requires_payment_method' ? (
                  <span className="block text-xs text-[var(--ck-muted)]">{p.failure}</span>
                ) : null}
              </>
            ),
          },
          {
            key: 'method',
            header: t('payment_method'),
            className: 'whitespace-nowrap',
            cell: (p) =>
              methodText((key, values) => tPayments(`method.${key}`, values), p.card ? { type: 'card', ...p.card } : null) ?? '—',
          },
          {
            key: 'created',
            header: t('payment_created'),
            className: 'whitespace-nowrap',
            cell: (p) => format.dateTime(p.created, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
          },
          {
            key: 'charge',
            header: t('payment_link'),
            cell: (p) =>
              p.chargeId ? (
                <Link href={`/dashboard/payments/${p.chargeId}`} className="text-[var(--ck-link)] underline">
                  {t('view_payment')}
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
