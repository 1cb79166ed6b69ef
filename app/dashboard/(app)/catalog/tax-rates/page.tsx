// GET /dashboard/catalog/tax-rates — the account's tax rates, with the new rate form (?after=<rate id> pages back)
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { setTaxRateActiveAction } from '@/app/dashboard/(app)/catalog/tax-rates/actions';
import { OlderLink } from '@/components/dashboard/catalog/older-link';
import { RowActionButton } from '@/components/dashboard/catalog/row-action-button';
import { TaxRateForm } from '@/components/dashboard/catalog/tax-rate-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { taxRatesPage } from '@/lib/dashboard/catalog/reads';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.tax'))('title') };
}

export default async function TaxRatesPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { db, accountId } = await requireMerchant();
  const { after } = await searchParams;
  const t = await getTranslations('Dashboard.catalog.tax');
  const page = await taxRatesPage(db, { accountId, after: typeof after === 'string' ? after : undefined });
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
              { key: 'percentage', header: t('percentage'), cell: (r) => `${r.percentage}%` },
              { key: 'inclusive', header: t('kind'), cell: (r) => (r.inclusive ? t('inclusive_short') : t('exclusive_short')) },
              { key: 'where', header: t('where'), cell: (r) => [r.country, r.jurisdiction].filter(Boolean).join(' · ') },
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
                    action={setTaxRateActiveAction.bind(null, r.id, !r.active)}
                    label={r.active ? t('archive') : t('unarchive')}
                  />
                ),
              },
            ]}
          />
          <OlderLink path="/dashboard/catalog/tax-rates" cursor={page.nextCursor} label={t('older')} />
        </Card>
        <TaxRateForm />
      </div>
    </>
  );
}
