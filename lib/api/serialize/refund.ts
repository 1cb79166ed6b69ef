import type { RefundRow } from '@/db/queries/refunds';
import { unix } from '@/lib/util/time';

/** Stripe's Refund object. */
export function serializeRefund(row: RefundRow) {
  return {
    id: row.id,
    object: 'refund' as const,
    amount: row.amount,
    // Caisse keeps no balance: no balance transactions to point to.
    balance_transaction: null,
    charge: row.chargeId,
    created: unix(row.createdAt),
    currency: row.currency,
    customer: row.customerId,
    customer_account: null,
    ...(row.description !== null ? { description: row.description } : {}),
    ...(row.failureReason !== null ? { failure_reason: row.failureReason } : {}),
    metadata: row.metadata,
    payment_intent: row.paymentIntentId,
    payment_method: row.paymentMethodId,
    reason: row.reason,
    receipt_number: row.receiptNumber,
    source_transfer_reversal: null,
    status: row.status,
    transfer_reversal: null,
  };
}
