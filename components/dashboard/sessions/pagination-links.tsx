import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SessionListFilters } from '@/lib/validation/dashboard-sessions';

/** The list URL with the same filters and a new cursor. */
function pageHref(filters: SessionListFilters, cursor: { after: string } | { before: string }): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'status', 'payment_status', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [k, v] of Object.entries(cursor)) params.set(k, v);
  return `/dashboard/sessions?${params.toString()}`;
}

export async function PaginationLinks({
  filters,
  newer,
  older,
}: {
  filters: SessionListFilters;
  newer: string | null;
  older: string | null;
}) {
  if (!newer && !older) return null;
  const t = await getTranslations('Dashboard.sessions');
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex justify-between gap-3 text-sm">
      {newer ? (
        <Link href={pageHref(filters, { before: newer })} rel="prev" className="text-[var(--ck-link)] underline">
          ← {t('newer')}
        </Link>
      ) : (
        <span />
      )}
      {older ? (
        <Link href={pageHref(filters, { after: older })} rel="next" className="text-[var(--ck-link)] underline">
          {t('older')} →
        </Link>
      ) : null}
    </nav>
  );
}
