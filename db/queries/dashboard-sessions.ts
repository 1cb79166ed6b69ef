import { eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { checkoutSessions } from '../schema';
import { listPage } from '@/lib/api/list';

export type SessionSearch = {
  /** A session id (cs_…) matches exactly; anything else is part of the customer's email. */
  q?: string;
  status?: 'open' | 'complete' | 'expired';
  paymentStatus?: 'paid' | 'unpaid' | 'no_payment_required';
  createdFrom?: Date;
  createdBefore?: Date;
};

const s = checkoutSessions;

function searchFilter(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  if (/^cs_/.test(q)) return eq(s.id, q);
  // position() rather than LIKE: the customer's text needs no escaping of % and _.
  const needle = q.toLowerCase();
  return or(
    sql`position(${needle} in lower(coalesce(${s.customerDetails}->>'email', ''))) > 0`,
    sql`position(${needle} in lower(coalesce(${s.customerEmail}, ''))) > 0`,
  );
}

/**
 * One page of the account's sessions, newest first, with the API's cursors
 * (lib/api/list.ts): pages follow the insertion sequence, so sessions created
 * in the same instant are still each shown exactly once.
 */
export async function searchSessionsPage(
  db: Queryable,
  p: { accountId: string; search: SessionSearch; limit: number; startingAfter?: string; endingBefore?: string },
) {
  const f = p.search;
  return listPage(db, s, {
    accountId: p.accountId,
    kind: 'checkout.session',
    params: { limit: p.limit, starting_after: p.startingAfter, ending_before: p.endingBefore },
    filters: [
      searchFilter(f.q),
      f.status ? eq(s.status, f.status) : undefined,
      f.paymentStatus ? eq(s.paymentStatus, f.paymentStatus) : undefined,
      f.createdFrom ? gte(s.createdAt, f.createdFrom) : undefined,
      f.createdBefore ? lt(s.createdAt, f.createdBefore) : undefined,
    ],
  });
}
