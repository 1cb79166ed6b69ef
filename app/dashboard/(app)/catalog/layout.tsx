import type { ReactNode } from 'react';
import { CatalogTabs } from '@/components/dashboard/catalog/catalog-tabs';

/** Every catalog page: its sections as tabs above the page. */
export default function CatalogLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <CatalogTabs />
      {children}
    </>
  );
}
