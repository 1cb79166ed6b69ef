import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { charges, events, refunds } from '@/db/schema';
import { givesNothingBack } from '../refunds/change-refund-status';

/**
 * What must hold for a set of charges after any sequence of refunds and sweeps, read from the database.
 * `sweptAt`: the time of the last sweep that ran to the end, whose due changes must all be applied.
 * Throws naming the first broken one.
 */
export async function assertRefundInvariants(db: Db, p: { accountId: string; chargeIds: string[]; sweptAt: Date | null }): Promise<void> {
  const ids = p.chargeIds.length ? p.chargeIds : ['none'];
  const [chargeRows, refundRows, eventRows] = await Promise.all([
    db
      .select()
      .from(charges)
      .where(and(eq(charges.accountId, p.accountId), inArray(charges.id, ids))),
    db
      .select()
      .from(refunds)
      .where(and(eq(refunds.accountId, p.accountId), inArray(refunds.chargeId, ids))),
    db
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(and(eq(events.accountId, p.accountId), inArray(events.type, ['refund.created', 'refund.failed']))),
  ]);
  const fail = (message: string): never => {
    throw new Error(`invariant broken: ${message}`);
  };

  // Money: a charge's amount_refunded is what its live refunds give back, never more than was captured.
  for (const c of chargeRows) {
    const live = refundRows.filter((r) => r.chargeId === c.id && !givesNothingBack(r.status)).reduce((sum, r) => sum + r.amount, 0);
    if (c.amountRefunded !== live) fail(`charge ${c.id} shows amount_refunded ${c.amountRefunded}, its live refunds give back ${live}`);
    if (live > c.amountCaptured) fail(`charge ${c.id} gives back ${live}, more than the ${c.amountCaptured} captured`);
  }

  // Follow-ups: nothing due at the last sweep is left waiting.
  const sweptAt = p.sweptAt;
  if (sweptAt)
    for (const r of refundRows)
      if (r.dueAt && r.dueAt <= sweptAt) fail(`refund ${r.id} still waits for a change due at ${r.dueAt.toISOString()}`);
  for (const r of refundRows)
    if ((r.dueAt === null) !== (r.pending === null)) fail(`refund ${r.id} has a due time without a change, or the reverse`);

  // Events: one refund.created per refund, one refund.failed per failed refund and none for the others.
  const mine = new Set(refundRows.map((r) => r.id));
  const countOf = (type: string, id: string) => eventRows.filter((e) => e.type === type && e.data.object.id === id).length;
  for (const r of refundRows) {
    if (countOf('refund.created', r.id) !== 1) fail(`refund ${r.id} has ${countOf('refund.created', r.id)} refund.created events`);
    const failed = r.status === 'failed' ? 1 : 0;
    if (countOf('refund.failed', r.id) !== failed)
      fail(`refund ${r.id} (${r.status}) has ${countOf('refund.failed', r.id)} refund.failed events`);
  }
  const ofTheseCharges = eventRows.filter((e) => ids.includes(String(e.data.object.charge)));
  for (const e of ofTheseCharges) if (!mine.has(String(e.data.object.id))) fail(`${e.type} for a refund that does not exist`);
}
