import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { useOwnDatabase } from '@/e2e/support/own-database';

// The checkout state machine (lib/checkout/payment-state.ts) under random sequences of customers,
// merchants, sweeps, crashes and a clock that jumps, on this run's database (PGlite, or Postgres when
// DATABASE_URL is set). Every step ends with the invariants of lib/checkout/testing/invariants.ts.

let db: Db;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  drop = await useOwnDatabase('caisse_model');
  db = await (await import('@/db/client')).getDb();
});
afterAll(() => drop());

const RUNS = Number(process.env.CHECKOUT_MODEL_RUNS ?? 200);

describe('the checkout state machine', () => {
  it(
    `holds its invariants over ${RUNS} random sequences, and leaves nothing in flight once time has passed`,
    { timeout: 900_000 },
    async () => {
      const { CheckoutSystem } = await import('./testing/checkout-system');
      const { GatedProcessor } = await import('./testing/gated-processor');
      const { commandArbitraries } = await import('./testing/model-commands');
      const { newSession, newShop } = await import('./testing/checkout-world');
      const { recoverLostAttempts } = await import('./abandon-attempt');
      const { sweepExpiredSessions } = await import('./expiry-sweep');
      const { ATTEMPT_LEASE_MS } = await import('./payment-state');
      const { checkoutSessions, paymentIntents } = await import('@/db/schema');

      await fc.assert(
        fc.asyncProperty(
          fc.commands(commandArbitraries, { maxCommands: 25, size: '+1' }),
          fc.boolean(),
          async (commands, voidBlocksLateAnswers) => {
            const sys = new CheckoutSystem(
              db,
              await newShop(db),
              new Date('2026-06-01T12:00:00Z'),
              new GatedProcessor(voidBlocksLateAnswers),
            );
            // Two customers from the start, one leaving in 30 minutes and one in 2 hours; commands may open more.
            for (const expiresInSeconds of [1800, 7200])
              sys.sessions.push(await newSession(db, sys.shop, { now: sys.now, expiresInSeconds }));
            await fc.asyncModelRun(() => ({ model: { sessions: sys.sessions.length }, real: sys }), commands);

            // The processes that died stay silent; time passes and the sweep runs: their attempts are given up.
            sys.now = new Date(sys.now.getTime() + ATTEMPT_LEASE_MS + 1000);
            await recoverLostAttempts(db, sys.processor, sys.now);
            for (const a of [...sys.running.values()].filter((a) => !a.lost)) await sys.answer(a);
            await sys.assertInvariants();
            // A day later every session has ended, and nothing is left in flight or waiting on a challenge.
            sys.now = new Date(sys.now.getTime() + 25 * 3600_000);
            await sweepExpiredSessions(db, sys.now);
            await sys.assertInvariants();
            const ids = sys.sessions.length ? sys.sessions : ['none'];
            const open = await db
              .select()
              .from(checkoutSessions)
              .where(and(inArray(checkoutSessions.id, ids), eq(checkoutSessions.status, 'open')));
            expect(open).toEqual([]);
            const pending = await db
              .select()
              .from(paymentIntents)
              .where(
                and(eq(paymentIntents.accountId, sys.shop.accountId), inArray(paymentIntents.status, ['processing', 'requires_action'])),
              );
            expect(pending).toEqual([]);
            // Answers that arrive after all that take no money.
            for (const a of [...sys.running.values()]) await sys.answer(a);
            await sys.assertInvariants();
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});
