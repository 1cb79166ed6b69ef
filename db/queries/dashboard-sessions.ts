import { eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { checkoutSessions } from '../schema';

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

/** The conditions on checkout_sessions that a dashboard search makes, for a page of them (lib/dashboard/session-list.ts). */
export function sessionSearchFilters(f: SessionSearch): (SQL | undefined)[] {
  return [
    searchFilter(f.q),
    f.status ? eq(s.status, f.status) : undefined,
    f.paymentStatus ? eq(s.paymentStatus, f.paymentStatus) : undefined,
    f.createdFrom ? gte(s.createdAt, f.createdFrom) : undefined,
    f.createdBefore ? lt(s.createdAt, f.createdBefore) : undefined,
  ];
}
