'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { activeHref, type NavTarget } from '@/lib/dashboard/active-href';

export type SectionTab = NavTarget & { label: string };

/** A section's sub-pages as tabs above the page; scrolls sideways on a phone like the main navigation. */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  const active = activeHref(usePathname(), tabs);
  return (
    <nav aria-label={label} className="mb-6 border-b border-[var(--ck-border)]">
      <ul className="flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={active === tab.href ? 'page' : undefined}
              className="-mb-px block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-[var(--ck-link)] aria-[current=page]:font-semibold aria-[current=page]:text-[var(--ck-link)]"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
