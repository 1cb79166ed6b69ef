'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { activeHref } from '@/lib/dashboard/active-href';

/** Dashboard sections; a page belongs to the longest prefix of its path. */
export const NAV = [
  { href: '/dashboard', key: 'home' },
  { href: '/dashboard/payments', key: 'payments' },
  { href: '/dashboard/customers', key: 'customers' },
  { href: '/dashboard/subscriptions', key: 'subscriptions' },
  { href: '/dashboard/invoices', key: 'invoices' },
  { href: '/dashboard/sessions', key: 'sessions' },
  { href: '/dashboard/catalog', key: 'catalog' },
  { href: '/dashboard/branding', key: 'branding' },
  { href: '/dashboard/domains', key: 'domains' },
  { href: '/dashboard/developers', key: 'developers' },
  { href: '/dashboard/settings', key: 'settings' },
] as const;

export function NavLinks() {
  const t = useTranslations('Dashboard.shell.nav');
  const active = activeHref(usePathname(), NAV);
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {NAV.map((n) => (
        <li key={n.href}>
          <Link
            href={n.href}
            aria-current={active === n.href ? 'page' : undefined}
            className="block whitespace-nowrap rounded-[var(--ck-radius-control)] px-3 py-2 text-sm hover:bg-gray-100 aria-[current=page]:bg-blue-50 aria-[current=page]:font-semibold aria-[current=page]:text-[var(--ck-link)]"
          >
            {t(n.key)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
