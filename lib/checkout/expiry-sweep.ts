import type { Db } from '@/db/client';
import { lockSessionsDueToExpire } from '@/db/queries/checkout-sessions';
import { pruneIdempotencyKeys } from '@/db/queries/idempotency';
import type { Job } from '@/lib/jobs/runner';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { pruneRateLimits } from '@/lib/security/rate-limit';
import { pruneCardAttempts } from './card-testing';
import { recoverLostAttempts } from './abandon-attempt';
import { expireLockedSession } from './expire-session';

const BATCH = 100;

/**
 * Expires open sessions past expires_at, a batch at a time. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so several app processes sweep side by side and
 * each session emits checkout.session.expired once.
 */
export async function sweepExpiredSessions(db: Db, now = new Date(), limit = BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    // A session never expires under a charge in flight; the next sweep takes it once the attempt ends.
    const due = await lockSessionsDueToExpire(tx, { now, limit });
    let expired = 0;
    for (const session of due) if (await expireLockedSession(tx, session, { accountId: session.accountId }, now)) expired++;
    return expired;
  });
}

const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** Forgets what only needs keeping for a while: idempotency keys after 48 h (Stripe keeps 24 h), rate-limit windows and card attempts after a day. */
export async function housekeeping(db: Db, now: Date) {
  await pruneIdempotencyKeys(db, new Date(now.getTime() - 48 * 3600_000));
  await pruneRateLimits(db, new Date(now.getTime() - 24 * 3600_000));
  await pruneCardAttempts(db, new Date(now.getTime() - 24 * 3600_000));
}

/**
 * The sweep as a job: every `intervalMs` (at once again while a batch comes back full) — first giving up
 * attempts whose process died mid-charge, then expiring what is due — and the housekeeping now and then.
 */
export function expirySweepJob(db: Db, opts: { intervalMs?: number; processor?: PaymentProcessor; clock?: () => Date } = {}): Job {
  const clock = opts.clock ?? (() => new Date());
  const processor = opts.processor ?? testProcessor;
  let lastHousekeeping = 0;
  return {
    name: 'expiry-sweep',
    idleMs: opts.intervalMs ?? 15_000,
    firstTickMs: 1000,
    tick: async () => {
      await recoverLostAttempts(db, processor, clock());
      const swept = await sweepExpiredSessions(db, clock(), BATCH);
      if (clock().getTime() - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
        lastHousekeeping = clock().getTime();
        await housekeeping(db, clock());
      }
      return swept === BATCH ? 'more' : 'idle';
    },
  };
}
