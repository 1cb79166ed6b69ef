import type { Tx } from '@/db/client';
import { lockCharge, updateChargeFields, type ChargeRow } from '@/db/queries/charges';
import { cancelIntentIfStatusIn, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { insertRefund, type RefundRow } from '@/db/queries/refunds';
import type { PaymentIntentCancellationReason, RefundReason } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { serializeCharge } from '@/lib/api/serialize/charge';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { serializeRefund } from '@/lib/api/serialize/refund';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import type { PaymentProcessor } from '../processor';

export type ReleasedAuthorization = { intent: PaymentIntentRow; charge: ChargeRow; refund: RefundRow };
export type CanceledAuthorization = { intent: PaymentIntentRow; charge: ChargeRow };

type VoidParams = {
  scope: AccountScope;
  chargeId: string;
  processor: PaymentProcessor;
  cancellationReason: PaymentIntentCancellationReason | null;
  now: Date;
};

/**
 * Gives an uncaptured authorization back, in the caller's transaction: its PaymentIntent was canceled, by
 * the merchant or because its 7 days ran out. Under the charge's lock, requires_capture → canceled by one
 * conditional update (so of a capture and a release racing for the same authorization exactly one wins),
 * then the processor voids it; a processor error rolls the whole change back. As Stripe does since API
 * version 2025-03-31.basil (changelog "Partially capturing or canceling payments no longer creates a
 * Refund", docs.stripe.com/changelog/basil/2025-03-31/remove-refund-from-partial-capture-and-payment-cancellation-flow):
 * no Refund, amount_refunded untouched, the charge stays `succeeded` and uncaptured, its deadline cleared;
 * only payment_intent.canceled is recorded (the expiry adds charge.expired). Returns null, having changed
 * nothing, when the intent no longer waits for capture.
 */
export async function cancelAuthorization(tx: Tx, p: VoidParams): Promise<CanceledAuthorization | null> {
  const { accountId } = p.scope;
  const charge = await lockCharge(tx, { accountId, id: p.chargeId });
  if (!charge || charge.captured || charge.status !== 'succeeded') return null;
  const intent = await cancelIntentIfStatusIn(tx, {
    id: charge.paymentIntentId,
    from: ['requires_capture'],
    now: p.now,
    reason: p.cancellationReason,
  });
  if (!intent) return null;
  await p.processor.reverse({ attemptId: intent.attemptId ?? intent.id, amount: charge.amount, currency: charge.currency });
  const voided = await updateChargeFields(tx, { accountId, id: charge.id, set: { captureBefore: null } });
  await recordEvent(tx, { accountId, type: 'payment_intent.canceled', object: serializePaymentIntent(intent), request: p.scope.request });
  return { intent, charge: voided };
}

/**
 * Gives an uncaptured authorization back in full as a refund, in the caller's transaction: the merchant
 * asked for a refund of an uncaptured charge. One refund of the whole amount, charge.amount_refunded =
 * amount. Events: payment_intent.canceled, charge.refunded, refund.created. Returns null, having changed
 * nothing, when the intent no longer waits for capture.
 */
export async function releaseAuthorization(
  tx: Tx,
  p: VoidParams & { refundReason: RefundReason | null; metadata?: Record<string, string> },
): Promise<ReleasedAuthorization | null> {
  const voided = await cancelAuthorization(tx, p);
  if (!voided) return null;
  const { accountId } = p.scope;
  const { intent, charge } = voided;
  const refund = await insertRefund(tx, {
    id: newId('re'),
    accountId,
    livemode: charge.livemode,
    createdAt: p.now,
    chargeId: charge.id,
    paymentIntentId: intent.id,
    customerId: charge.customerId,
    paymentMethodId: charge.paymentMethodId,
    amount: charge.amount,
    currency: charge.currency,
    status: 'succeeded',
    reason: p.refundReason,
    metadata: p.metadata ?? {},
  });
  const released = await updateChargeFields(tx, { accountId, id: charge.id, set: { amountRefunded: charge.amount } });
  const request = p.scope.request;
  await recordEvent(tx, {
    accountId,
    type: 'charge.refunded',
    object: serializeCharge(released, env().APP_URL),
    previousAttributes: { amount_refunded: charge.amountRefunded, refunded: false },
    request,
  });
  await recordEvent(tx, { accountId, type: 'refund.created', object: serializeRefund(refund), request });
  return { intent, charge: released, refund };
}
