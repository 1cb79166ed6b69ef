// GET /dashboard/catalog/products/new — the new product form
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ProductForm } from '@/components/dashboard/catalog/product-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.products'))('new_title') };
}

export default async function NewProductPage() {
  await requireMerchant();
  const t = await getTranslations('Dashboard.catalog.products');
  return (
    <>
      <PageHeader title={t('new_title')} />
      <ProductForm />
    </>
  );
}
