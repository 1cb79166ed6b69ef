// GET /dashboard/catalog/shipping-rates — the account's shipping rates, with the new rate form (?after=<rate id> pages back)
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { setShippingRateActiveAction } from '@/app/dashboard/(app)/catalog/shipping-rates/actions';
import { OlderLink } from '@/components/dashboard/catalog/older-link';
import { RowActionButton } from '@/components/dashboard/catalog/row-action-button';
import { ShippingRateForm } from '@/components/dashboard/catalog/shipping-rate-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { shippingRatesPage, type DashboardShippingRate } from '@/lib/dashboard/catalog/reads';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { formatAmount } from '@/lib/money/format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.shipping'))('title') };
}

export default async function ShippingRatesPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { db, accountId } = await requireMerchant();
  const { after } = await searchParams;
  const t = await getTranslations('Dashboard.catalog.shipping');
  const locale = await getLocale();
  const page = await shippingRatesPage(db, { accountId, after: typeof after === 'string' ? after : undefined });
  const bound = (b: { value: number; unit: string } | null) => (b ? t('bound', { value: b.value, unit: t(`units.${b.unit}`) }) : '…');
  const estimate = (r: DashboardShippingRate) =>
    r.delivery_estimate ? `${bound(r.delivery_estimate.minimum)} – ${bound(r.delivery_estimate.maximum)}` : '';
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="space-y-6">
        <Card>
          <DataTable
            caption={t('title')}
            rows={page.items}
            rowKey={(r) => r.id}
            empty={t('empty')}
            columns={[
              { key: 'name', header: t('display_name'), cell: (r) => r.display_name },
              { key: 'amount', header: t('amount'), cell: (r) => formatAmount(r.fixed_amount.amount, r.fixed_amount.currency, locale) },
              { key: 'estimate', header: t('estimate'), cell: estimate },
              {
                key: 'status',
                header: t('status'),
                cell: (r) => <Badge tone={r.active ? 'good' : 'neutral'}>{r.active ? t('active') : t('archived')}</Badge>,
              },
              { key: 'id', header: t('id'), cell: (r) => <code className="text-xs">{r.id}</code> },
              {
                key: 'actions',
                header: <span className="sr-only">{t('actions')}</span>,
                cell: (r) => (
                  <RowActionButton
                    action={setShippingRateActiveAction.bind(null, r.id, !r.active)}
                    label={r.active ? t('archive') : t('unarchive')}
                  />
                ),
              },
            ]}
          />
          <OlderLink path="/dashboard/catalog/shipping-rates" cursor={page.nextCursor} label={t('older')} />
        </Card>
        <ShippingRateForm />
      </div>
    </>
  );
}
