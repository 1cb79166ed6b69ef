import { getLocale, getTranslations } from 'next-intl/server';
import { setPriceActiveAction } from '@/app/dashboard/(app)/catalog/products/actions';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { DashboardPrice } from '@/lib/dashboard/catalog/reads';
import { priceLabel } from './price-label';
import { RowActionButton } from './row-action-button';

/** A product's prices with archive/restore; a price cannot be changed otherwise, as with Stripe. */
export async function PriceTable({ prices, defaultPrice }: { prices: DashboardPrice[]; defaultPrice: string | null }) {
  const t = await getTranslations('Dashboard.catalog.prices');
  const locale = await getLocale();
  return (
    <DataTable
      caption={t('title')}
      rows={prices}
      rowKey={(p) => p.id}
      empty={t('empty')}
      columns={[
        { key: 'amount', header: t('amount'), cell: (p) => <span data-testid="price-amount">{priceLabel(p, locale, t)}</span> },
        { key: 'type', header: t('type'), cell: (p) => t(p.type) },
        { key: 'nickname', header: t('nickname'), cell: (p) => p.nickname ?? '' },
        {
          key: 'status',
          header: t('status'),
          cell: (p) => (
            <span className="flex flex-wrap gap-1">
              <Badge tone={p.active ? 'good' : 'neutral'}>{p.active ? t('active') : t('archived')}</Badge>
              {p.id === defaultPrice ? <Badge>{t('default')}</Badge> : null}
            </span>
          ),
        },
        { key: 'id', header: t('id'), cell: (p) => <code className="text-xs">{p.id}</code> },
        {
          key: 'actions',
          header: <span className="sr-only">{t('actions')}</span>,
          cell: (p) => (
            <RowActionButton action={setPriceActiveAction.bind(null, p.id, !p.active)} label={p.active ? t('archive') : t('unarchive')} />
          ),
        },
      ]}
    />
  );
}
