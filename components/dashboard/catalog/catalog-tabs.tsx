'use client';

import { useTranslations } from 'next-intl';
import { SectionTabs } from '../section-tabs';

/** The catalog's sections; a product's pages belong to the product list. */
export function CatalogTabs() {
  const t = useTranslations('Dashboard.catalog.tabs');
  return (
    <SectionTabs
      label={t('label')}
      tabs={[
        { href: '/dashboard/catalog', also: ['/dashboard/catalog/products'], label: t('products') },
        { href: '/dashboard/catalog/coupons', label: t('coupons') },
        { href: '/dashboard/catalog/shipping-rates', label: t('shipping_rates') },
        { href: '/dashboard/catalog/tax-rates', label: t('tax_rates') },
        { href: '/dashboard/catalog/new-session', label: t('new_session') },
      ]}
    />
  );
}
