import 'server-only';
import type { Queryable } from '@/db/client';
import { sessionSearchFilters, type SessionSearch } from '@/db/queries/dashboard-sessions';
import { checkoutSessions } from '@/db/schema';
import { listPage } from '@/lib/api/list';
import type { SessionListFilters } from '@/lib/validation/dashboard-sessions';
import { pageAtCursor } from './list-cursors';
import { sessionRowSummary, type SessionSummary } from './session-summary';

export const SESSIONS_PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

export type SessionListPage = {
  rows: SessionSummary[];
  /** Cursors for the neighbouring pages, or null where there is none. */
  newer: string | null;
  older: string | null;
};

/**
 * One page of the account's sessions, newest first, with the API's cursors
 * (lib/api/list.ts): pages follow the insertion sequence, so sessions created
 * in the same instant are still each shown exactly once.
 */
function searchSessionsPage(
  db: Queryable,
  p: { accountId: string; search: SessionSearch; limit: number; startingAfter?: string; endingBefore?: string },
) {
  return listPage(db, checkoutSessions, {
    accountId: p.accountId,
    kind: 'checkout.session',
    params: { limit: p.limit, starting_after: p.startingAfter, ending_before: p.endingBefore },
    filters: sessionSearchFilters(p.search),
  });
}

/** One page of the sessions list, from the filters' cursor (pageAtCursor). */
export async function sessionListPage(
  db: Queryable,
  p: { accountId: string; filters: SessionListFilters; limit?: number },
): Promise<SessionListPage> {
  const f = p.filters;
  const limit = p.limit ?? SESSIONS_PAGE_SIZE;
  const search = {
    q: f.q,
    status: f.status,
    paymentStatus: f.payment_status,
    createdFrom: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
    // "to" is a whole UTC day: up to the next midnight.
    createdBefore: f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS) : undefined,
  };
  const page = await pageAtCursor(f, (cursor) => searchSessionsPage(db, { accountId: p.accountId, search, limit, ...cursor }));
  return { ...page, rows: page.rows.map(sessionRowSummary) };
}
