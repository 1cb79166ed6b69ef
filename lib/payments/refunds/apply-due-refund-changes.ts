import type { Db } from '@/db/client';
import { lockDueRefunds, updateRefundFields, type RefundRow } from '@/db/queries/refunds';
import { changeRefundStatus, givesNothingBack } from './change-refund-status';

const byCharge = (a: RefundRow, b: RefundRow) => (a.chargeId < b.chargeId ? -1 : a.chargeId > b.chargeId ? 1 : a.id < b.id ? -1 : 1);

/**
 * The follow-up step for refunds (lib/payments/follow-up-sweep.ts): applies, a batch at a time, the
 * changes the processor announced for later and now due — a SEPA refund the bank confirms, a card
 * refund that fails after looking successful. The batch is locked with FOR UPDATE SKIP LOCKED and each
 * refund re-checked under the lock, so several sweepers share the work and each change happens, with
 * its events, once. Charges are then locked in id order: two sweepers whose batches touch the same
 * charges take them in the same order and cannot deadlock.
 */
export async function applyDueRefundChanges(db: Db, now: Date, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await lockDueRefunds(tx, { now, limit });
    for (const refund of due.sort(byCharge)) {
      const change = refund.pending;
      // A failed or canceled refund has nothing left to change: the announcement is dropped.
      if (!change || givesNothingBack(refund.status)) {
        await updateRefundFields(tx, { accountId: refund.accountId, id: refund.id, set: { dueAt: null, pending: null } });
        continue;
      }
      await changeRefundStatus(tx, { refund, to: change.status, failureReason: change.failure_reason });
    }
    return due.length;
  });
}
