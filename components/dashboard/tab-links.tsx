import Link from 'next/link';

export type TabLink = { href: string; label: string; current: boolean };

/**
 * Tabs of plain links above a page or a list: they work without JavaScript, scroll sideways on a phone like
 * the main navigation, and the current one is marked for screen readers (aria-current).
 */
export function TabLinks({ label, tabs, className }: { label: string; tabs: TabLink[]; className: string }) {
  return (
    <nav aria-label={label} className={`${className} border-b border-[var(--ck-border)]`}>
      <ul className="flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
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
