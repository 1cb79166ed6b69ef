// GET /dashboard/catalog — the account's products (newest first, ?after=<product id> pages back)
import type { Metadata } from 'next';
import { OlderLink } from '@/components/dashboard/catalog/older-link';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProductTable } from '@/components/dashboard/catalog/product-table';
import { PageHeader } from '@/components/ui/page-header';
import { productsPage } from '@/lib/dashboard/catalog/reads';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.catalog.products'))('title') };
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { db, accountId } = await requireMerchant();
  const { after } = await searchParams;
  const t = await getTranslations('Dashboard.catalog.products');
  const page = await productsPage(db, { accountId, after: typeof after === 'string' ? after : undefined });
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description_text')}
        actions={
          <Link
            href="/dashboard/catalog/products/new"
            className="rounded-[var(--ck-radius-button)] bg-[var(--ck-button)] px-4 py-2 text-sm font-semibold text-[var(--ck-button-text)]"
          >
            {t('new')}
          </Link>
        }
      />
      <ProductTable products={page.items} />
      <OlderLink path="/dashboard/catalog" cursor={page.nextCursor} label={t('older')} />
    </>
  );
}
