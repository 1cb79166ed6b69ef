import type { Queryable } from '@/db/client';
import { deleteRateLimitsBefore, hitRateLimitRow } from '@/db/queries/rate-limits';

/**
 * Counts one hit against `key` in the current fixed window and says whether it
 * is within `limit`. Kept in Postgres so that every app process shares it.
 */
export async function hitRateLimit(db: Queryable, p: { key: string; limit: number; windowSeconds: number; now?: Date }): Promise<boolean> {
  const now = p.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / (p.windowSeconds * 1000)) * p.windowSeconds * 1000);
  const count = await hitRateLimitRow(db, { key: p.key, windowStart });
  return count <= p.limit;
}

export async function pruneRateLimits(db: Queryable, olderThan: Date) {
  await deleteRateLimitsBefore(db, { olderThan });
}
