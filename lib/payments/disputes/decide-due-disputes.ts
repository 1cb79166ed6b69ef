import type { Db, Tx } from '@/db/client';
import { findCharge } from '@/db/queries/charges';
import { lockDisputeDecisionsDue, updateDisputeFields, updateDisputeIfStatus, type DisputeRow } from '@/db/queries/disputes';
import { serializeDispute } from '@/lib/api/serialize/dispute';
import { recordEvent } from '@/lib/events/record-event';

/**
 * Applies the bank's decision on submitted evidence once it is due (the processor announced it when the
 * evidence went in), a batch at a time (a follow-up step). Each dispute is locked with FOR UPDATE SKIP
 * LOCKED and moves from under_review by a conditional update: won gives the money back to the merchant
 * (`charge.dispute.funds_reinstated`), lost keeps it with the customer; both record `charge.dispute.closed`.
 */
export async function decideDueDisputes(db: Db, now = new Date(), limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await lockDisputeDecisionsDue(tx, { now, limit });
    for (const dispute of due) await decide(tx, dispute);
    return due.length;
  });
}

async function decide(tx: Tx, dispute: DisputeRow): Promise<void> {
  const decision = dispute.pending?.status;
  const { accountId, id } = dispute;
  // Nothing a decision could be: dropped, so that the row is not picked up again and again.
  if (decision !== 'won' && decision !== 'lost') {
    await updateDisputeFields(tx, { accountId, id, set: { dueAt: null, pending: null } });
    return;
  }
  const won = decision === 'won';
  const decided = await updateDisputeIfStatus(tx, {
    accountId,
    id,
    from: 'under_review',
    set: { status: decision, dueAt: null, pending: null, ...(won ? { fundsWithdrawn: false } : {}) },
  });
  if (!decided) return;
  const charge = await findCharge(tx, { accountId, id: dispute.chargeId });
  const object = serializeDispute(decided, charge?.card ?? null);
  await recordEvent(tx, { accountId, type: 'charge.dispute.closed', object });
  if (won) await recordEvent(tx, { accountId, type: 'charge.dispute.funds_reinstated', object });
}
