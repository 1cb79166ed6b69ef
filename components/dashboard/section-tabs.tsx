'use client';

import { usePathname } from 'next/navigation';
import { activeHref, type NavTarget } from '@/lib/dashboard/active-href';
import { TabLinks } from './tab-links';

export type SectionTab = NavTarget & { label: string };

/** A section's sub-pages as tabs above the page. */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  const active = activeHref(usePathname(), tabs);
  return (
    <TabLinks
      label={label}
      tabs={tabs.map((tab) => ({ href: tab.href, label: tab.label, current: active === tab.href }))}
      className="mb-6"
    />
  );
}
