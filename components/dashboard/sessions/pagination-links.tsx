import type { SessionListFilters } from '@/lib/validation/dashboard-sessions';
import { NewerOlderLinks } from '../newer-older-links';

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

/** Newer and older pages of the sessions list, with the same filters. */
export function PaginationLinks({ filters, newer, older }: { filters: SessionListFilters; newer: string | null; older: string | null }) {
  return <NewerOlderLinks messages="Dashboard.sessions" newer={newer} older={older} href={(cursor) => pageHref(filters, cursor)} />;
}
