import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lockCharge } from '@/db/queries/charges';
import { updateDisputeFields } from '@/db/queries/disputes';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { defined } from '@/e2e/support/defined';
import { openDueDisputes } from './disputes/open-due-disputes';
import { disputedPayment, disputeState } from './testing/disputed-payment';

// Regression for the review finding "the dispute sweep locks charges in due order, the refund sweep in id
// order: two processes sweeping at once could deadlock". Only Postgres has concurrent transactions that wait
// on each other's row locks (PGlite is one connection), so this runs there only.
const db = useCheckoutDatabase('caisse_follow_up_locks');
const T0 = new Date('2026-06-01T12:00:00Z');

/** Backends of this database waiting for a lock, other than the one asking. */
async function waitingOnLocks(): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`pg_stat_activity`)
    .where(sql`datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
  return defined(row, 'the count').n;
}

describe.skipIf(!process.env.DATABASE_URL)('the follow-up steps on one Postgres', () => {
  it('opening two disputes while another process holds their charges in id order (as the refund sweep takes them) → both open, no deadlock', async () => {
    const a = await disputedPayment(db(), T0);
    const b = await disputedPayment(db(), T0);
    const [low, high] = [a, b].sort((x, y) => (x.chargeId < y.chargeId ? -1 : 1));
    // The higher charge's dispute falls due first: in due order the sweep would lock it first.
    await updateDisputeFields(db(), { accountId: high.accountId, id: high.disputeId, set: { dueAt: new Date(T0.getTime() + 1000) } });
    await updateDisputeFields(db(), { accountId: low.accountId, id: low.disputeId, set: { dueAt: new Date(T0.getTime() + 2000) } });

    let firstHeld = () => {};
    const holdsFirst = new Promise<void>((resolve) => (firstHeld = resolve));
    let takeSecond = () => {};
    const secondTurn = new Promise<void>((resolve) => (takeSecond = resolve));
    const other = db().transaction(async (tx) => {
      await lockCharge(tx, { accountId: low.accountId, id: low.chargeId });
      firstHeld();
      await secondTurn;
      await lockCharge(tx, { accountId: high.accountId, id: high.chargeId });
    });
    // The sweep starts once the other process holds the lower charge, and ends up waiting for it.
    await holdsFirst;
    const sweep = openDueDisputes(db(), new Date(T0.getTime() + 60_000));
    await expect.poll(waitingOnLocks, { timeout: 30_000 }).toBeGreaterThan(0);
    takeSecond();

    const [otherResult, sweepResult] = await Promise.allSettled([other, sweep]);
    expect(otherResult.status).toBe('fulfilled');
    expect(sweepResult).toEqual({ status: 'fulfilled', value: 2 });
    for (const paid of [low, high]) expect((await disputeState(db(), paid)).dispute.status).toBe('needs_response');
  });
});
