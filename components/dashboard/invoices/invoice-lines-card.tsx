import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { InvoiceDetail } from '@/lib/dashboard/invoice-detail';
import { formatAmount } from '@/lib/money/format';

/** The invoice's lines (what each covers and costs before discounts), then its totals: subtotal, each discount, each tax, total. */
export function InvoiceLinesCard({ detail }: { detail: InvoiceDetail }) {
  const t = useTranslations('Dashboard.invoices.detail');
  const format = useFormatter();
  const locale = useLocale();
  const { invoice: i } = detail;
  const money = (minor: number) => formatAmount(minor, i.currency, locale);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const taxLabel = (tax: InvoiceDetail['taxes'][number]) =>
    tax.name && tax.percentage !== null
      ? t(tax.inclusive ? 'tax_inclusive' : 'tax', { name: tax.name, percentage: tax.percentage })
      : t('tax_unnamed');
  const totals: [string, string, string][] = [
    ['subtotal', t('subtotal'), money(i.subtotal)],
    ...detail.discounts.map((d, n): [string, string, string] => [`discount-${n}`, t('discount'), money(-d.amount)]),
    ...detail.taxes.map((tax, n): [string, string, string] => [`tax-${n}`, taxLabel(tax), money(tax.amount)]),
    ['total', t('total'), money(i.total)],
  ];
  return (
    <Card title={t('lines')} className="mb-4">
      <DataTable
        caption={t('lines_caption')}
        rows={detail.lines}
        rowKey={(l) => l.id}
        empty={t('no_lines')}
        columns={[
          { key: 'description', header: t('description'), cell: (l) => l.description ?? '—' },
          {
            key: 'period',
            header: t('line_period'),
            className: 'whitespace-nowrap',
            cell: (l) =>
              l.periodStart.getTime() === l.periodEnd.getTime() ? day(l.periodStart) : `${day(l.periodStart)} – ${day(l.periodEnd)}`,
          },
          {
            key: 'quantity',
            header: t('quantity'),
            className: 'text-right',
            cell: (l) => (l.quantity === null ? '—' : String(l.quantity)),
          },
          { key: 'amount', header: t('line_amount'), className: 'whitespace-nowrap text-right', cell: (l) => money(l.amount) },
        ]}
      />
      <dl
        className="ml-auto mt-4 grid max-w-sm grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm"
        aria-label={t('totals')}
        data-testid="invoice-totals"
      >
        {totals.map(([key, label, value]) => (
          <div key={key} className={`contents ${key === 'total' ? 'font-semibold' : ''}`}>
            <dt>{label}</dt>
            <dd className="whitespace-nowrap text-right">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
