import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { Card } from '@/components/ui/card';
import type { SessionDetail } from '@/lib/dashboard/session-detail';
import { formatAmount } from '@/lib/money/format';

type Line = SessionDetail['lineItems'][number];

/** Line items and the session's totals, exactly as the API serializes them (stored pricing results). */
export async function LineItemsCard({ detail }: { detail: SessionDetail }) {
  const [t, locale] = await Promise.all([getTranslations('Dashboard.sessions.detail'), getLocale()]);
  const { session } = detail;
  const currency = session.currency ?? detail.lineItems.at(0)?.currency ?? 'usd';
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatAmount(n, currency, locale));
  const totals = session.total_details;
  const totalRows: [string, string, string][] = [
    ['subtotal', t('subtotal'), money(session.amount_subtotal)],
    ...(totals && totals.amount_discount > 0
      ? [['discount', t('discounts'), `−${money(totals.amount_discount)}`] as [string, string, string]]
      : []),
    ...(totals && (totals.amount_shipping > 0 || session.shipping_cost)
      ? [['shipping', t('shipping'), money(totals.amount_shipping)] as [string, string, string]]
      : []),
    ...(totals && totals.amount_tax > 0 ? [['tax', t('tax'), money(totals.amount_tax)] as [string, string, string]] : []),
  ];
  return (
    <Card title={t('line_items')} className="mb-4">
      <DataTable<Line>
        caption={t('line_items_caption')}
        rows={detail.lineItems}
        rowKey={(l) => l.id}
        empty={t('no_line_items')}
        columns={[
          { key: 'item', header: t('item'), cell: (l) => l.description ?? '—' },
          { key: 'quantity', header: t('quantity'), className: 'text-right', cell: (l) => l.quantity },
          { key: 'unit', header: t('unit_price'), className: 'whitespace-nowrap text-right', cell: (l) => money(l.price.unit_amount) },
          { key: 'subtotal', header: t('line_subtotal'), className: 'whitespace-nowrap text-right', cell: (l) => money(l.amount_subtotal) },
          { key: 'discount', header: t('line_discount'), className: 'whitespace-nowrap text-right', cell: (l) => money(l.amount_discount) },
          { key: 'tax', header: t('line_tax'), className: 'whitespace-nowrap text-right', cell: (l) => money(l.amount_tax) },
          { key: 'total', header: t('line_total'), className: 'whitespace-nowrap text-right', cell: (l) => money(l.amount_total) },
        ]}
      />
      {detail.moreLineItems ? <p className="mt-2 text-sm text-[var(--ck-muted)]">{t('more_line_items')}</p> : null}
      <h3 className="sr-only">{t('totals')}</h3>
      <dl className="ml-auto mt-4 max-w-xs space-y-1 text-sm" data-testid="session-totals">
        {totalRows.map(([key, label, value]) => (
          <div key={key} className="flex justify-between gap-4">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 border-t border-[var(--ck-border)] pt-1 font-semibold">
          <dt>{t('total')}</dt>
          <dd data-testid="session-total">{money(session.amount_total)}</dd>
        </div>
      </dl>
    </Card>
  );
}
