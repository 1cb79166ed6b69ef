'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

const TABS = [
  { href: '/dashboard/catalog', key: 'products', also: '/dashboard/catalog/products' },
  { href: '/dashboard/catalog/coupons', key: 'coupons' },
  { href: '/dashboard/catalog/shipping-rates', key: 'shipping_rates' },
  { href: '/dashboard/catalog/tax-rates', key: 'tax_rates' },
  { href: '/dashboard/catalog/new-session', key: 'new_session' },
] as const;

/** The catalog's sections; scrolls sideways on a phone like the main navigation. */
export function CatalogTabs() {
  const t = useTranslations('Dashboard.catalog.tabs');
  const path = usePathname();
  const isActive = (tab: (typeof TABS)[number]) =>
    tab.href === '/dashboard/catalog' ? path === tab.href || ('also' in tab && path.startsWith(tab.also)) : path.startsWith(tab.href);
  return (
    <nav aria-label={t('label')} className="mb-6 border-b border-[var(--ck-border)]">
      <ul className="flex gap-1 overflow-x-auto">
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={isActive(tab) ? 'page' : undefined}
              className="-mb-px block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-[var(--ck-link)] aria-[current=page]:font-semibold aria-[current=page]:text-[var(--ck-link)]"
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
