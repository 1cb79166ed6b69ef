import type { Tx } from '@/db/client';
import { lockCharge, updateChargeFields } from '@/db/queries/charges';
import { updateRefundFields, type RefundRow } from '@/db/queries/refunds';
import type { ScopeRequest } from '@/db/scope';
import { serializeRefund } from '@/lib/api/serialize/refund';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';

/** A refund whose money is no longer on its way back: it no longer counts in its charge's amount_refunded. */
export const givesNothingBack = (status: RefundRow['status']) => status === 'failed' || status === 'canceled';

/**
 * Moves a refund, locked by the caller, to its new status in the caller's transaction, and clears any
 * announced change. A refund that fails or is canceled gives its amount back to the charge (locked after
 * the refund: every path takes the two in that order). Events when the status changes: refund.failed (when
 * it fails), refund.updated and charge.refund.updated, each with the previous attributes. Returns the row.
 */
export async function changeRefundStatus(
  tx: Tx,
  p: { refund: RefundRow; to: 'succeeded' | 'failed' | 'canceled'; failureReason: string | null; request?: ScopeRequest },
): Promise<RefundRow> {
  const { refund, to } = p;
  const { accountId } = refund;
  const updated = await updateRefundFields(tx, {
    accountId,
    id: refund.id,
    set: { status: to, failureReason: to === 'succeeded' ? refund.failureReason : p.failureReason, dueAt: null, pending: null },
  });
  if (refund.status === to) return updated;
  if (givesNothingBack(to) && !givesNothingBack(refund.status)) {
    const charge = await lockCharge(tx, { accountId, id: refund.chargeId });
    if (charge)
      await updateChargeFields(tx, {
        accountId,
        id: charge.id,
        set: { amountRefunded: Math.max(0, charge.amountRefunded - refund.amount) },
      });
  }
  const before = serializeRefund(refund);
  const object = serializeRefund(updated);
  const previous = previousAttributes(before, object);
  const request = p.request;
  if (to === 'failed') await recordEvent(tx, { accountId, type: 'refund.failed', object, previousAttributes: previous, request });
  await recordEvent(tx, { accountId, type: 'refund.updated', object, previousAttributes: previous, request });
  await recordEvent(tx, { accountId, type: 'charge.refund.updated', object, previousAttributes: previous, request });
  return updated;
}
