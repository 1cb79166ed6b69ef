import type { Db, Tx } from '@/db/client';
import { lockCharge, updateChargeFields } from '@/db/queries/charges';
import { lockDisputesDueToOpen, updateDisputeFields, type DisputeRow } from '@/db/queries/disputes';
import { serializeDispute } from '@/lib/api/serialize/dispute';
import { recordEvent } from '@/lib/events/record-event';

/** Stripe's evidence due dates: the end of a UTC day, 19 days after the dispute opened (its API examples and test fixtures). */
const EVIDENCE_DAYS = 19;

/** When evidence for a dispute opened at `now` is due: 23:59:59 UTC, EVIDENCE_DAYS days later. */
export function evidenceDueBy(now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + EVIDENCE_DAYS);
  return new Date(day + 86_400_000 - 1000);
}

const byCharge = (a: DisputeRow, b: DisputeRow) => (a.chargeId < b.chargeId ? -1 : a.chargeId > b.chargeId ? 1 : 0);

/**
 * Opens the disputes the processor announced at payment time, once their time has come, a batch at a
 * time (a follow-up step). Each is locked with FOR UPDATE SKIP LOCKED and re-checked, then its charge
 * is locked: the dispute becomes needs_response with the money withdrawn (what was captured and not
 * refunded), the charge `disputed`, and
 * `charge.dispute.created` and `charge.dispute.funds_withdrawn` are recorded, all in one transaction.
 * The charges are locked in id order, as the refund sweep takes them (apply-due-refund-changes.ts):
 * two processes sweeping side by side wait for each other instead of deadlocking.
 */
export async function openDueDisputes(db: Db, now = new Date(), limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await lockDisputesDueToOpen(tx, { now, limit });
    for (const dispute of due.sort(byCharge)) await open(tx, dispute, now);
    return due.length;
  });
}

async function open(tx: Tx, dispute: DisputeRow, now: Date): Promise<void> {
  const { accountId } = dispute;
  const charge = dispute.pending?.status === 'needs_response' ? await lockCharge(tx, { accountId, id: dispute.chargeId }) : null;
  // What the merchant still holds of the payment: a chargeback takes back no more, or the customer would get money refunded twice.
  const held = charge ? charge.amountCaptured - charge.amountRefunded : 0;
  // Cardholders dispute money that moved and was not given back: an authorization never captured (or a failed debit) moved none,
  // a payment refunded in full is back with them; the announcement lapses.
  if (!charge?.captured || charge.status !== 'succeeded' || held <= 0) {
    await updateDisputeFields(tx, { accountId, id: dispute.id, set: { dueAt: null, pending: null } });
    return;
  }
  const opened = await updateDisputeFields(tx, {
    accountId,
    id: dispute.id,
    set: {
      status: 'needs_response',
      // The dispute as an object exists from now on (announced, it was not shown anywhere).
      createdAt: now,
      amount: held,
      evidenceDueBy: evidenceDueBy(now),
      fundsWithdrawn: true,
      dueAt: null,
      pending: null,
    },
  });
  await updateChargeFields(tx, { accountId, id: charge.id, set: { disputed: true } });
  const object = serializeDispute(opened, charge.card);
  await recordEvent(tx, { accountId, type: 'charge.dispute.created', object });
  await recordEvent(tx, { accountId, type: 'charge.dispute.funds_withdrawn', object });
}
