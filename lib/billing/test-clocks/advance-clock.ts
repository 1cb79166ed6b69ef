import type { Db } from '@/db/client';
import { nextDueAt } from '@/db/queries/billing-due';
import { abandonedAdvances, finishAdvance, leaseAdvance, setClockFields, type TestClockRow } from '@/db/queries/test-clocks';
import { serializeTestClock } from '@/lib/api/serialize/test-clock';
import { recordEvent } from '@/lib/events/record-event';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { runDueBilling } from '../renewals/run-due-billing';

/** How long an advancing process holds its clock without renewing: past it, the billing job takes over. */
export const ADVANCE_LEASE_MS = 60_000;
/** A bound on the moments one advance visits, so a bug cannot spin forever. */
const MAX_MOMENTS = 5000;

type Options = { processor?: PaymentProcessor; realNow?: () => Date };

/**
 * Runs an advancing clock forward to its target, as Stripe's test clocks do: every notice, cancellation,
 * renewal and payment attempt due in between happens at its own moment, in order, with the clock's frozen
 * time set to that moment; then the clock stands at the target and is `ready` again. The process holds
 * a lease renewed at every moment; a process that dies leaves it to expire, and the billing job resumes
 * the advance from where it stood (each step is idempotent under its own locks).
 */
export async function runClockAdvance(db: Db, clockId: string, opts: Options = {}): Promise<TestClockRow | null> {
  const realNow = opts.realNow ?? (() => new Date());
  let held = new Date(realNow().getTime() + ADVANCE_LEASE_MS);
  let clock = await leaseAdvance(db, { id: clockId, now: realNow(), until: held });
  if (!clock?.advancingTo) return null;
  const target = clock.advancingTo;
  for (let moment = 0; moment < MAX_MOMENTS; moment++) {
    const next = await nextDueAt(db, { clock: clockId });
    if (next === null || next > target) break;
    const at: Date = next < clock.frozenTime ? clock.frozenTime : next;
    const until = new Date(realNow().getTime() + ADVANCE_LEASE_MS);
    clock = await leaseAdvance(db, { id: clockId, now: realNow(), until, held });
    // Another process took the clock over (this one stalled past its lease): it carries on.
    if (!clock) return null;
    held = until;
    clock = (await setClockFields(db, { id: clockId, set: { frozenTime: at } })) ?? clock;
    const { applied } = await runDueBilling(db, {
      scope: { clock: clockId },
      now: at,
      ...(opts.processor ? { processor: opts.processor } : {}),
    });
    // Something is due that nothing can apply now (a payment waiting for the customer's 3-D Secure): go on to the target.
    if (applied === 0) break;
  }
  const ready = await finishAdvance(db, { id: clockId, held, at: target });
  if (ready)
    await recordEvent(db, { accountId: ready.accountId, type: 'test_helpers.test_clock.ready', object: serializeTestClock(ready) });
  return ready;
}

/** The billing job's share: advances whose process died (lease expired) or that no process has started. */
export async function resumeAbandonedAdvances(db: Db, opts: Options & { limit?: number } = {}): Promise<number> {
  const now = (opts.realNow ?? (() => new Date()))();
  const clocks = await abandonedAdvances(db, { now, limit: opts.limit ?? 10 });
  for (const c of clocks) await runClockAdvance(db, c.id, opts);
  return clocks.length;
}
