// GET /dashboard/catalog/coupons/[id] — one coupon and its promotion codes (404 for another account's id)
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { deactivatePromotionCodeAction } from '@/app/dashboard/(app)/catalog/coupons/actions';
import { couponLabel } from '@/components/dashboard/catalog/coupon-label';
import { PromotionCodeForm } from '@/components/dashboard/catalog/promotion-code-form';
import { RowActionButton } from '@/components/dashboard/catalog/row-action-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { couponWithCodes } from '@/lib/dashboard/catalog/reads';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.codes'))('title') };
}

export default async function CouponPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, accountId } = await requireMerchant();
  const { id } = await params;
  const found = await couponWithCodes(db, { accountId, id });
  if (!found) notFound();
  const { coupon, codes } = found;
  const t = await getTranslations('Dashboard.catalog.codes');
  const tc = await getTranslations('Dashboard.catalog.coupons');
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={coupon.name ?? coupon.id} description={couponLabel(coupon, locale, tc)} />
      <div className="space-y-6">
        <Card title={t('title')}>
          <DataTable
            caption={t('title')}
            rows={codes}
            rowKey={(c) => c.id}
            empty={t('empty')}
            columns={[
              { key: 'code', header: t('code'), cell: (c) => <code className="font-semibold">{c.code}</code> },
              {
                key: 'status',
                header: t('status'),
                cell: (c) => <Badge tone={c.active ? 'good' : 'neutral'}>{c.active ? t('active') : t('inactive')}</Badge>,
              },
              {
                key: 'redeemed',
                header: t('times_redeemed'),
                cell: (c) => (c.max_redemptions ? `${c.times_redeemed} / ${c.max_redemptions}` : c.times_redeemed),
              },
              {
                key: 'expires',
                header: t('expires_at'),
                cell: (c) =>
                  c.expires_at ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(c.expires_at * 1000) : '',
              },
              {
                key: 'actions',
                header: <span className="sr-only">{t('actions')}</span>,
                cell: (c) =>
                  c.active ? <RowActionButton action={deactivatePromotionCodeAction.bind(null, c.id)} label={t('deactivate')} /> : null,
              },
            ]}
          />
        </Card>
        <PromotionCodeForm couponId={coupon.id} />
      </div>
    </>
  );
}
