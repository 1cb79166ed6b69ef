import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { DashboardProduct } from '@/lib/dashboard/catalog/reads';

/** The product list: name (links to the product), status, images, when created. */
export async function ProductTable({ products }: { products: DashboardProduct[] }) {
  const t = await getTranslations('Dashboard.catalog.products');
  return (
    <DataTable
      caption={t('title')}
      rows={products}
      rowKey={(p) => p.id}
      empty={t('empty')}
      columns={[
        {
          key: 'name',
          header: t('name'),
          cell: (p) => (
            <Link href={`/dashboard/catalog/products/${p.id}`} className="font-medium text-[var(--ck-link)] underline">
              {p.name}
            </Link>
          ),
        },
        {
          key: 'status',
          header: t('status'),
          cell: (p) => <Badge tone={p.active ? 'good' : 'neutral'}>{p.active ? t('active') : t('archived')}</Badge>,
        },
        { key: 'images', header: t('images'), cell: (p) => p.images.length },
        { key: 'id', header: t('id'), cell: (p) => <code className="text-xs">{p.id}</code> },
      ]}
    />
  );
}
