import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { checkoutSessions } from '@/db/schema';
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

export type Sweeper = { stop: () => Promise<void> };

/** Runs the sweep every `intervalMs` (sooner while there is a backlog) until stopped. */
export function startExpirySweep(getDb: () => Promise<Db>, intervalMs = 15_000): Sweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      let swept = 0;
      try {
        swept = await sweepExpiredSessions(await getDb());
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
