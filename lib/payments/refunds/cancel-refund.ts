import type { Db } from '@/db/client';
import type { AccountScope } from '@/db/scope';
import { lockRefundOrThrow } from '@/lib/api/get-or-throw';
import { serializeRefund } from '@/lib/api/serialize/refund';
import { changeRefundStatus } from './change-refund-status';
import { refundNotCancelable } from './refund-errors';

/**
 * Cancels a refund waiting on the customer (`requires_action`), the only kind Stripe cancels: it gives its
 * amount back to the charge, with Stripe's failure_reason `merchant_request`. Any other refund is Stripe's
 * "Canceling this refund is unsupported.". Events: refund.updated, charge.refund.updated.
 */
export async function cancelRefund(db: Db, scope: AccountScope & { id: string }) {
  return db.transaction(async (tx) => {
    const refund = await lockRefundOrThrow(tx, scope);
    if (refund.status !== 'requires_action') throw refundNotCancelable();
    const canceled = await changeRefundStatus(tx, { refund, to: 'canceled', failureReason: 'merchant_request', request: scope.request });
    return serializeRefund(canceled);
  });
}
