'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

const TABS = [
  { href: '/dashboard/developers', key: 'keys' },
  { href: '/dashboard/developers/webhooks', key: 'webhooks' },
  { href: '/dashboard/developers/events', key: 'events' },
  { href: '/dashboard/developers/emails', key: 'emails' },
] as const;

/** The developers area's sections; a delivery page belongs to webhooks. */
export function DevelopersTabs() {
  const t = useTranslations('Dashboard.developers.tabs');
  const path = usePathname().replace('/developers/deliveries', '/developers/webhooks');
  const active = TABS.filter((tab) => path === tab.href || path.startsWith(`${tab.href}/`)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={t('label')} className="mb-6 overflow-x-auto border-b border-[var(--ck-border)]">
      <ul className="flex gap-1">
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={active === tab.href ? 'page' : undefined}
              className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-[var(--ck-link)] aria-[current=page]:font-semibold aria-[current=page]:text-[var(--ck-link)]"
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
