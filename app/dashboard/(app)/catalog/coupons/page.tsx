// GET /dashboard/catalog/coupons — the account's coupons, with the new coupon form (?after=<coupon id> pages back)
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { deleteCouponAction } from '@/app/dashboard/(app)/catalog/coupons/actions';
import { CouponForm } from '@/components/dashboard/catalog/coupon-form';
import { couponLabel } from '@/components/dashboard/catalog/coupon-label';
import { OlderLink } from '@/components/dashboard/catalog/older-link';
import { RowActionButton } from '@/components/dashboard/catalog/row-action-button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { couponsPage } from '@/lib/dashboard/catalog/reads';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.coupons'))('title') };
}

export default async function CouponsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { db, accountId } = await requireMerchant();
  const { after } = await searchParams;
  const t = await getTranslations('Dashboard.catalog.coupons');
  const locale = await getLocale();
  const page = await couponsPage(db, { accountId, after: typeof after === 'string' ? after : undefined });
  return (
    <>
      <PageHeader title={t('title')} description={t('description_text')} />
      <div className="space-y-6">
        <Card>
          <DataTable
            caption={t('title')}
            rows={page.items}
            rowKey={(c) => c.id}
            empty={t('empty')}
            columns={[
              {
                key: 'name',
                header: t('name'),
                cell: (c) => (
                  <Link
                    href={`/dashboard/catalog/coupons/${encodeURIComponent(c.id)}`}
                    className="font-medium text-[var(--ck-link)] underline"
                  >
                    {c.name ?? c.id}
                  </Link>
                ),
              },
              { key: 'terms', header: t('terms'), cell: (c) => couponLabel(c, locale, t) },
              {
                key: 'redeemed',
                header: t('times_redeemed'),
                cell: (c) => (c.max_redemptions ? `${c.times_redeemed} / ${c.max_redemptions}` : c.times_redeemed),
              },
              { key: 'id', header: t('id'), cell: (c) => <code className="text-xs">{c.id}</code> },
              {
                key: 'actions',
                header: <span className="sr-only">{t('actions')}</span>,
                cell: (c) => (
                  <RowActionButton
                    action={deleteCouponAction.bind(null, c.id)}
                    label={t('delete')}
                    variant="danger"
                    confirm={t('delete_confirm')}
                  />
                ),
              },
            ]}
          />
          <OlderLink path="/dashboard/catalog/coupons" cursor={page.nextCursor} label={t('older')} />
        </Card>
        <CouponForm />
      </div>
    </>
  );
}
