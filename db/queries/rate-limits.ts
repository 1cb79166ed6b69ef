import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { rateLimits } from '../schema';

// Fixed-window counters of hits by key, shared by every app process. The keys belong to no account (a client
// address, a card, a digest of an email): the table has no account_id.

/** Counts one hit against `key` in the window starting at `windowStart`: the window's count, this hit included. */
export async function hitRateLimitRow(db: Queryable, p: { key: string; windowStart: Date }): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key: p.key, windowStart: p.windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return row.count;
}

/** Takes one hit back from each of `keys` in the window starting at `windowStart`, never below zero. */
export async function takeBackRateLimitHits(db: Queryable, p: { keys: string[]; windowStart: Date }): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(inArray(rateLimits.key, p.keys), eq(rateLimits.windowStart, p.windowStart), gt(rateLimits.count, 0)));
}

/** Deletes the windows that started before `olderThan`. */
export async function deleteRateLimitsBefore(db: Queryable, p: { olderThan: Date }): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, p.olderThan));
}
