import { lt, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { rateLimits } from '@/db/schema';

/**
 * Counts one hit against `key` in the current fixed window and says whether it
 * is within `limit`. Kept in Postgres so that every app process shares it.
 */
export async function hitRateLimit(db: Queryable, p: { key: string; limit: number; windowSeconds: number; now?: Date }): Promise<boolean> {
  const now = p.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / (p.windowSeconds * 1000)) * p.windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: p.key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return row.count <= p.limit;
}

export async function pruneRateLimits(db: Queryable, olderThan: Date) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, olderThan));
}
