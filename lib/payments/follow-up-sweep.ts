import type { Db } from '@/db/client';
import { settleDueDebits } from '@/lib/checkout/async-payment-sweep';
import type { Job } from '@/lib/jobs/runner';
import { releaseExpiredAuthorizations } from './authorizations/release-expired-authorizations';
import { applyDueRefundChanges } from './refunds/apply-due-refund-changes';
import { decideDueDisputes } from './disputes/decide-due-disputes';
import { openDueDisputes } from './disputes/open-due-disputes';

const BATCH = 100;

/**
 * One step of the sweep: applies, a batch of at most `limit` at a time, what the processor announced
 * for later and is now due; answers how many it applied. Each step locks what it applies with FOR
 * UPDATE SKIP LOCKED and re-checks it under the lock, so several processes sweep side by side and each
 * change happens, with its events, exactly once.
 */
export type FollowUpStep = (db: Db, now: Date, limit: number) => Promise<number>;

/** What happens after a payment, when its time comes: SEPA debits settling, authorizations expiring, refunds settling or failing, disputes opening and being decided. */
export const FOLLOW_UP_STEPS: readonly FollowUpStep[] = [
  settleDueDebits,
  releaseExpiredAuthorizations,
  applyDueRefundChanges,
  openDueDisputes,
  decideDueDisputes,
];

/** Runs every step once at `now`: how many changes were applied, and whether a step came back with a full batch. */
export async function runDueFollowUps(db: Db, now: Date, limit = BATCH): Promise<{ applied: number; full: boolean }> {
  let applied = 0;
  let full = false;
  for (const step of FOLLOW_UP_STEPS) {
    const n = await step(db, now, limit);
    applied += n;
    full ||= n === limit;
  }
  return { applied, full };
}

/**
 * The follow-ups as a job: every `intervalMs` (at once again while a step comes back full). Short by
 * default: in test mode debits settle, refunds fail and disputes open within seconds.
 */
export function asyncPaymentSweepJob(db: Db, opts: { intervalMs?: number; clock?: () => Date } = {}): Job {
  const clock = opts.clock ?? (() => new Date());
  const intervalMs = opts.intervalMs ?? 1000;
  return {
    name: 'async-payment-sweep',
    idleMs: intervalMs,
    firstTickMs: intervalMs,
    tick: async () => ((await runDueFollowUps(db, clock())).full ? 'more' : 'idle'),
  };
}
