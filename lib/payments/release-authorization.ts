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
import type { PaymentProcessor } from './processor';

export type ReleasedAuthorization = { intent: PaymentIntentRow; charge: ChargeRow; refund: RefundRow };

/**
 * Gives an uncaptured authorization back in full, in the caller's transaction: the merchant canceled the
 * intent or refunded its uncaptured charge, or its 7 days ran out. requires_capture → canceled is one
 * conditional update, so of a capture and a release racing for the same authorization exactly one wins;
 * the processor voids it under the charge's lock, before anything is written, and a processor error
 * rolls the whole change back. As in Stripe, the charge stays `succeeded` and uncaptured, refunded in
 * full by one refund of the whole amount. Events: payment_intent.canceled, charge.refunded,
 * refund.created. Returns null, having changed nothing, when the intent no longer waits for capture.
 */
export async function releaseAuthorization(
  tx: Tx,
  p: {
    scope: AccountScope;
    chargeId: string;
    processor: PaymentProcessor;
    cancellationReason: PaymentIntentCancellationReason;
    refundReason: RefundReason | null;
    metadata?: Record<string, string>;
    now: Date;
  },
): Promise<ReleasedAuthorization | null> {
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
  const released = await updateChargeFields(tx, { accountId, id: charge.id, set: { amountRefunded: charge.amount, captureBefore: null } });
  const request = p.scope.request;
  await recordEvent(tx, { accountId, type: 'payment_intent.canceled', object: serializePaymentIntent(intent), request });
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
