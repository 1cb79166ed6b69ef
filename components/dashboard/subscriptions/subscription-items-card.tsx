import { useLocale, useTranslations } from 'next-intl';
import { priceLabel } from '@/components/dashboard/catalog/price-label';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { SubscriptionDetail } from '@/lib/dashboard/subscription-detail';
import { formatAmount } from '@/lib/money/format';

/** What the subscription bills each period: each item's product, price and quantity, and what it comes to. */
export function SubscriptionItemsCard({ items }: { items: SubscriptionDetail['items'] }) {
  const t = useTranslations('Dashboard.subscriptions.detail');
  const tPrices = useTranslations('Dashboard.catalog.prices');
  const locale = useLocale();
  return (
    <Card title={t('items')} className="mb-4">
      <DataTable
        caption={t('items_caption')}
        rows={items}
        rowKey={(i) => i.id}
        empty="—"
        columns={[
          { key: 'product', header: t('product'), cell: (i) => i.productName ?? <code>{i.priceId}</code> },
          {
            key: 'price',
            header: t('price'),
            className: 'whitespace-nowrap',
            cell: (i) => priceLabel({ unit_amount: i.unitAmount, currency: i.currency, recurring: i.recurring }, locale, tPrices),
          },
          { key: 'quantity', header: t('quantity'), className: 'text-right', cell: (i) => String(i.quantity) },
          {
            key: 'amount',
            header: t('item_amount'),
            className: 'whitespace-nowrap text-right',
            cell: (i) => (i.unitAmount === null ? '—' : formatAmount(i.unitAmount * i.quantity, i.currency, locale)),
          },
        ]}
      />
    </Card>
  );
}
