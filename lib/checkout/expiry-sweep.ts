import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { pruneIdempotencyKeys } from '@/db/queries/idempotency';
import { checkoutSessions } from '@/db/schema';
import { pruneRateLimits } from '@/lib/security/rate-limit';
import { expireLockedSession } from './expire-session';

/**
 * Expires open sessions past expires_at, a batch at a time. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so several app processes sweep side by side and
 * each session emits checkout.session.expired once.
 */
export async function sweepExpiredSessions(db: Db, now = new Date(), limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.status, 'open'), lte(checkoutSessions.expiresAt, now)))
      .orderBy(checkoutSessions.expiresAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const session of due) await expireLockedSession(tx, session, { accountId: session.accountId }, now);
    return due.length;
  });
}

const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** Forgets what only needs keeping for a while: idempotency keys after 48 h (Stripe keeps 24 h), rate-limit windows after a day. */
export async function housekeeping(db: Db, now: Date) {
  await pruneIdempotencyKeys(db, new Date(now.getTime() - 48 * 3600_000));
  await pruneRateLimits(db, new Date(now.getTime() - 24 * 3600_000));
}

export type Sweeper = { stop: () => Promise<void> };

/** Runs the sweep every `intervalMs` (sooner while there is a backlog), and the housekeeping now and then, until stopped. */
export function startExpirySweep(getDb: () => Promise<Db>, intervalMs = 15_000): Sweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastHousekeeping = 0;
  const tick = () => {
    running = (async () => {
      let swept = 0;
      try {
        const db = await getDb();
        swept = await sweepExpiredSessions(db);
        if (Date.now() - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
          lastHousekeeping = Date.now();
          await housekeeping(db, new Date());
        }
      } catch (err) {
        console.error('[expiry-sweep]', err instanceof Error ? err.message : err);
      }
      if (!stopped) timer = setTimeout(tick, swept === 100 ? 0 : intervalMs);
    })();
  };
  timer = setTimeout(tick, 1000);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
