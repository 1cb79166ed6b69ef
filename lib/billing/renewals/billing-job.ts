import type { Db } from '@/db/client';
import type { Job } from '@/lib/jobs/runner';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { resumeAbandonedAdvances } from '../test-clocks/advance-clock';
import { runDueBilling } from './run-due-billing';

/**
 * Subscription billing on real time as a job: trial notices, cancellations, renewals and payment
 * attempts as they fall due, and test clock advances whose process died. Any number of processes may
 * run it (every item is locked and re-checked where it is applied). Lost payment attempts are given up
 * by the expiry sweep, for invoices as for sessions; the invoice's attempt then stays due and is retried here.
 */
export function subscriptionBillingJob(db: Db, opts: { intervalMs?: number; clock?: () => Date; processor?: PaymentProcessor } = {}): Job {
  const clock = opts.clock ?? (() => new Date());
  const intervalMs = opts.intervalMs ?? 5000;
  return {
    name: 'subscription-billing',
    idleMs: intervalMs,
    firstTickMs: 1000,
    tick: async () => {
      const { full } = await runDueBilling(db, {
        scope: { clock: null },
        now: clock(),
        ...(opts.processor ? { processor: opts.processor } : {}),
      });
      const resumed = await resumeAbandonedAdvances(db, { realNow: clock, ...(opts.processor ? { processor: opts.processor } : {}) });
      return full || resumed > 0 ? 'more' : 'idle';
    },
  };
}
