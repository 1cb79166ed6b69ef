// GET /dashboard/catalog/products/[id] — one product: edit it, archive it, its prices (404 for another account's id)
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { setProductActiveAction } from '@/app/dashboard/(app)/catalog/products/actions';
import { PriceForm } from '@/components/dashboard/catalog/price-form';
import { PriceTable } from '@/components/dashboard/catalog/price-table';
import { ProductForm } from '@/components/dashboard/catalog/product-form';
import { RowActionButton } from '@/components/dashboard/catalog/row-action-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { productWithPrices } from '@/lib/dashboard/catalog/reads';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.products'))('edit_title') };
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, accountId } = await requireMerchant();
  const { id } = await params;
  const found = await productWithPrices(db, { accountId, id });
  if (!found) notFound();
  const { product, prices } = found;
  const t = await getTranslations('Dashboard.catalog.products');
  return (
    <>
      <PageHeader
        title={product.name}
        description={
          <>
            <code className="mr-2">{product.id}</code>
            <Badge tone={product.active ? 'good' : 'neutral'}>{product.active ? t('active') : t('archived')}</Badge>
          </>
        }
        actions={
          <RowActionButton
            action={setProductActiveAction.bind(null, product.id, !product.active)}
            label={product.active ? t('archive') : t('unarchive')}
          />
        }
      />
      <div className="space-y-6">
        <ProductForm
          productId={product.id}
          initial={{ name: product.name, description: product.description ?? '', images: product.images }}
        />
        <Card title={t('prices')}>
          <PriceTable prices={prices} defaultPrice={product.default_price} />
        </Card>
        <div className="max-w-2xl">
          <PriceForm productId={product.id} defaultCurrency={prices[0]?.currency ?? 'usd'} />
        </div>
      </div>
    </>
  );
}
