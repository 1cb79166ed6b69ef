import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop, type Shop } from '@/lib/checkout/testing/checkout-world';
import { createRefund } from './create-refund';
import { runDueFollowUps } from '../follow-up-sweep';
import type { PaymentProcessor } from '../processor';
import { retrieveRefund } from './retrieve-refund';
import { listRefunds } from './list-refunds';
import { paidCharge, SEPA_IBANS, type PaidWith } from '../testing/paid-charge';
import { assertRefundInvariants } from '../testing/refund-invariants';
import { testProcessor } from '../test-processor';

// Random sequences of partial refunds on a few paid charges (cards whose refunds succeed, cards whose
// refunds fail later, SEPA debits whose refunds settle later), started concurrently in an order fast-check's
// scheduler picks, with the processor's answers and a sweep interleaved, and sweeps at an advancing clock.
// Every step ends with the invariants of lib/payments/testing/refund-invariants.ts.

const db = useCheckoutDatabase('caisse_refund_model');
const RUNS = Number(process.env.REFUNDS_MODEL_RUNS ?? 8);

type Kind = 'card' | 'refundFails' | 'sepa';
const PAID_WITH: Record<Kind, PaidWith> = {
  card: { card: 'ok' },
  refundFails: { card: 'refundFails' },
  sepa: { iban: SEPA_IBANS.succeeds },
};

type Step = { batch: { charge: number; amount: number | null }[]; sweep: boolean } | { advanceMs: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    batch: fc.array(fc.record({ charge: fc.nat({ max: 2 }), amount: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }) }), {
      minLength: 1,
      maxLength: 5,
    }),
    sweep: fc.boolean(),
  }),
  fc.record({ advanceMs: fc.integer({ min: 0, max: 7000 }) }),
);

/** A refusal the rules allow: more than is left, or nothing left. Anything else is a failure of the test. */
function refusal(err: unknown): string {
  if (!(err instanceof ApiError)) throw err;
  expect(err.code === 'charge_already_refunded' || err.message.startsWith('Refund amount (')).toBe(true);
  return err.code ?? 'amount';
}

let shop: Shop | undefined;
let day = 0;

describe('refunds under concurrency and time', () => {
  it(`hold their invariants over ${RUNS} random sequences, and leave nothing due once time has passed`, { timeout: 900_000 }, async () => {
    const s0 = (shop ??= await newShop(db()));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Kind>('card', 'refundFails', 'sepa'), { minLength: 1, maxLength: 3 }),
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.scheduler(),
        async (kinds, steps, s) => {
          // Each run on a day of its own, so no change of an earlier run comes due during this one.
          let now = new Date(Date.UTC(2026, 5, 1 + day++, 12));
          const scope = { accountId: s0.accountId };
          const paid = [];
          for (const [i, kind] of kinds.entries())
            paid.push((await paidCharge(db(), s0, { now, quantity: 1 + (i % 2), with: PAID_WITH[kind] })).charge);
          const chargeIds = paid.map((c) => c.id);
          now = new Date(now.getTime() + 60_000);
          const processor: PaymentProcessor = {
            ...testProcessor,
            refund: (p) => s.schedule(testProcessor.refund(p), `refund ${p.amount}`),
          };
          let sweptAt: Date | null = null;

          for (const step of steps) {
            if ('advanceMs' in step) {
              now = new Date(now.getTime() + step.advanceMs);
              await runDueFollowUps(db(), now);
              sweptAt = now;
            } else {
              const at = now;
              const tasks: Promise<string>[] = step.batch.map((r) =>
                s
                  .schedule(Promise.resolve(), 'start refund')
                  .then(() =>
                    createRefund(
                      db(),
                      scope,
                      { charge: chargeIds[r.charge % chargeIds.length], ...(r.amount !== null && { amount: r.amount }) },
                      { now: at, processor },
                    ),
                  )
                  .then((refund) => refund.status, refusal),
              );
              if (step.sweep)
                tasks.push(
                  s
                    .schedule(Promise.resolve(), 'start sweep')
                    .then(() => runDueFollowUps(db(), at))
                    .then(() => 'swept'),
                );
              await s.waitFor(Promise.all(tasks));
              // Refunds made meanwhile fall due later than `at`: the sweep has applied all that was due.
              if (step.sweep) sweptAt = at;
            }
            await assertRefundInvariants(db(), { accountId: s0.accountId, chargeIds, sweptAt });
          }

          // An hour later, after a sweep, every announced change has happened: card refunds of 5126 failed,
          // SEPA refunds succeeded, the others as they were.
          now = new Date(now.getTime() + 3600_000);
          await runDueFollowUps(db(), now);
          await assertRefundInvariants(db(), { accountId: s0.accountId, chargeIds, sweptAt: now });
          for (const [i, charge] of paid.entries()) {
            const { data } = await listRefunds(db(), scope, { charge: charge.id, limit: 100 });
            const expected = kinds[i] === 'refundFails' ? 'failed' : 'succeeded';
            for (const r of data) expect((await retrieveRefund(db(), { ...scope, id: r.id })).status).toBe(expected);
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
