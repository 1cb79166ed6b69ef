import type { Db } from '@/db/client';
import { lockCharge, updateChargeFields } from '@/db/queries/charges';
import { markSessionPaidIfUnpaid } from '@/db/queries/checkout-sessions';
import { captureIntentIfRequiresCapture } from '@/db/queries/payment-intents';
import type { AccountScope } from '@/db/scope';
import { mergeMetadata } from '@/lib/api/params';
import { serializeCharge } from '@/lib/api/serialize/charge';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import { queueReceipt } from '@/lib/receipts/queue-receipt';
import type { CapturePaymentIntentParams } from '@/lib/validation/payment-intents';
import { shownIntentOrThrow } from '../payment-intent-reads';
import type { PaymentProcessor } from '../processor';
import { testProcessor } from '../test-processor';
import { authorizationExpired, captureTooLarge, notCapturable } from './authorization-errors';

export type { CapturePaymentIntentParams };

/**
 * Captures an authorized payment (capture_method=manual), in full or for less; the one code path of
 * POST /v1/payment_intents/:id/capture, POST /v1/charges/:id/capture and the dashboard. Under the lock of
 * the intent's charge, which a release (cancel, expiry, refund of the uncaptured charge) takes too: the
 * checks, then the processor's capture, then one conditional update requires_capture → succeeded, so a
 * capture racing a release has exactly one winner and a processor error writes nothing.
 *
 * The charge becomes captured for the amount taken. The rest of the authorization is released without
 * a refund: since API version 2025-03-31.basil a partial capture creates no Refund and leaves
 * amount_refunded alone (Stripe changelog "Partially capturing or canceling payments no longer creates a
 * Refund"). The Checkout Session's payment_status becomes `paid` (the money is now the merchant's) and
 * its receipt, held back while the payment was only authorized, is queued, as Stripe emails the receipt
 * when the PaymentIntent is captured (docs "Provide receipts": "Stripe automatically emails a compliant
 * receipt to the customer when capturing the PaymentIntent"); an authorization never captured sends none.
 * Events: charge.captured, payment_intent.succeeded. Returns the PaymentIntent as Stripe does.
 */
export async function capturePaymentIntent(
  db: Db,
  scope: AccountScope,
  id: string,
  params: CapturePaymentIntentParams,
  opts: { processor?: PaymentProcessor; now?: Date } = {},
) {
  const processor = opts.processor ?? testProcessor;
  const now = opts.now ?? new Date();
  const { accountId, request } = scope;
  return db.transaction(async (tx) => {
    const found = await shownIntentOrThrow(tx, { ...scope, id });
    if (found.status !== 'requires_capture' || !found.latestChargeId) throw notCapturable(found.status);
    const charge = await lockCharge(tx, { accountId, id: found.latestChargeId });
    // Read again under the lock: a release may have committed since.
    const intent = await shownIntentOrThrow(tx, { ...scope, id });
    if (!charge || intent.status !== 'requires_capture' || charge.captured) throw notCapturable(intent.status);
    // Past its 7 days the authorization is gone at the bank, even before the sweep has recorded it.
    if (charge.captureBefore && now >= charge.captureBefore) throw authorizationExpired();
    const capturable = intent.amount;
    const amount = params.amount_to_capture ?? capturable;
    if (amount > capturable) throw captureTooLarge('amount_to_capture');
    await processor.capture({
      attemptId: intent.attemptId ?? intent.id,
      amount,
      currency: intent.currency,
      chargeState: charge.processorState,
    });
    const captured = await captureIntentIfRequiresCapture(tx, {
      accountId,
      id,
      amountReceived: amount,
      metadata: mergeMetadata(intent.metadata, params.metadata),
    });
    // Under the charge's lock every release is fenced out; a miss is a release that did not take it.
    if (!captured) throw new Error(`capturePaymentIntent: intent ${id} left requires_capture under its charge's lock`);
    const capturedCharge = await updateChargeFields(tx, {
      accountId,
      id: charge.id,
      set: { captured: true, amountCaptured: amount, captureBefore: null },
    });
    await recordEvent(tx, { accountId, type: 'charge.captured', object: serializeCharge(capturedCharge, env().APP_URL), request });
    await recordEvent(tx, { accountId, type: 'payment_intent.succeeded', object: serializePaymentIntent(captured), request });
    if (captured.checkoutSessionId) {
      // Null when the session was already marked paid: then its receipt went out already.
      const paid = await markSessionPaidIfUnpaid(tx, { id: captured.checkoutSessionId });
      if (paid) await queueReceipt(tx, paid);
    }
    return serializePaymentIntent(captured);
  });
}
