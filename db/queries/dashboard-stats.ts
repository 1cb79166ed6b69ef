import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { checkoutSessions } from '../schema';
import type { AccountScope } from '../scope';

const s = checkoutSessions;
// A session counts as paid when it was: completion time, else (never for a paid session) creation.
const paidAt = sql`coalesce(${s.completedAt}, ${s.createdAt})`;
const isPaid = eq(s.paymentStatus, 'paid');
// An ISO string cast in SQL, not a Date: paidAt is an expression, not a column, so drizzle has no
// column type to encode a Date with, and postgres.js (unlike PGlite) passes date parameters through as-is.
const paidSince = (since: Date) => sql`${paidAt} >= ${since.toISOString()}::timestamptz`;

export type CurrencyTotal = { currency: string; count: number; amount: number };

/**
 * Paid sessions and their revenue per currency since `since`. Every query here
 * starts from the account (checkout_sessions_account_seq_idx), so one merchant's
 * dashboard never scans another's rows.
 */
export async function paidTotalsSince(db: Queryable, p: AccountScope & { since: Date }): Promise<CurrencyTotal[]> {
  const rows = await db
    .select({ currency: sql<string>`coalesce(${s.currency}, '')`, n: count(), amount: sql<string>`coalesce(sum(${s.amountTotal}), 0)` })
    .from(s)
    .where(and(eq(s.accountId, p.accountId), isPaid, paidSince(p.since)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => ({ currency: r.currency, count: r.n, amount: Number(r.amount) }));
}

/** Sessions created since `since`, and how many of those are complete: the conversion. */
export async function createdAndCompletedSince(
  db: Queryable,
  p: AccountScope & { since: Date },
): Promise<{ created: number; completed: number }> {
  const row = (
    await db
      .select({ created: count(), completed: sql<string>`count(*) filter (where ${s.status} = 'complete')` })
      .from(s)
      .where(and(eq(s.accountId, p.accountId), gte(s.createdAt, p.since)))
  ).at(0);
  return { created: row?.created ?? 0, completed: Number(row?.completed ?? 0) };
}

export type DailyTotal = { day: string; currency: string; count: number; amount: number };

/** Paid sessions and revenue per UTC day and currency since `since`; days without any are absent. */
export async function dailyPaidTotalsSince(db: Queryable, p: AccountScope & { since: Date }): Promise<DailyTotal[]> {
  const day = sql<string>`to_char((${paidAt}) at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      currency: sql<string>`coalesce(${s.currency}, '')`,
      n: count(),
      amount: sql<string>`coalesce(sum(${s.amountTotal}), 0)`,
    })
    .from(s)
    .where(and(eq(s.accountId, p.accountId), isPaid, paidSince(p.since)))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
  return rows.map((r) => ({ day: r.day, currency: r.currency, count: r.n, amount: Number(r.amount) }));
}

/** The account's newest sessions (by insertion order, like every list). */
export async function latestSessions(db: Queryable, p: AccountScope & { limit: number }) {
  return db.select().from(s).where(eq(s.accountId, p.accountId)).orderBy(desc(s.seq)).limit(p.limit);
}
