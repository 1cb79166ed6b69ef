import type { Db } from '@/db/client';
import { cancelIntentIfStatusIn, findPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import type { AccountScope } from '@/db/scope';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import type { CancelPaymentIntentParams } from '@/lib/validation/payment-intents';
import { shownIntentOrThrow } from '../payment-intent-reads';
import type { PaymentProcessor } from '../processor';
import { cancelAuthorization } from './release-authorization';
import { testProcessor } from '../test-processor';
import { createdByCheckout, notCancelable } from './authorization-errors';

export type { CancelPaymentIntentParams };

const WAITING: PaymentIntentRow['status'][] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/**
 * POST /v1/payment_intents/:id/cancel and the dashboard's cancel. An intent the merchant's server made is
 * canceled while nothing was charged; one of a Checkout Session only while its authorization waits for
 * capture: it is given
 * back (cancelAuthorization, under the charge's lock, one conditional update, so a racing capture or
 * expiry and this cancel have exactly one winner). Returns the PaymentIntent as Stripe does.
 */
export async function cancelPaymentIntent(
  db: Db,
  scope: AccountScope,
  id: string,
  params: CancelPaymentIntentParams,
  opts: { processor?: PaymentProcessor; now?: Date } = {},
) {
  const processor = opts.processor ?? testProcessor;
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const intent = await shownIntentOrThrow(tx, { ...scope, id });
    if (intent.status === 'succeeded' || intent.status === 'canceled') throw notCancelable(intent.status);
    if (!intent.checkoutSessionId && !intent.invoiceId && !WAITING.includes(intent.status) && intent.status !== 'requires_capture')
      throw notCancelable(intent.status);
    if (!intent.checkoutSessionId && !intent.invoiceId && WAITING.includes(intent.status)) {
      // One the merchant's server made, waiting for a method, its confirmation or its customer: nothing was charged.
      const canceled = await cancelIntentIfStatusIn(tx, { id, from: WAITING, now, reason: params.cancellation_reason ?? null });
      if (!canceled) throw notCancelable(intent.status);
      const object = serializePaymentIntent(canceled);
      await recordEvent(tx, { accountId: scope.accountId, type: 'payment_intent.canceled', object, request: scope.request });
      return object;
    }
    if (intent.status !== 'requires_capture' || !intent.latestChargeId) throw createdByCheckout();
    const canceled = await cancelAuthorization(tx, {
      scope,
      chargeId: intent.latestChargeId,
      processor,
      cancellationReason: params.cancellation_reason ?? null,
      now,
    });
    if (canceled) return serializePaymentIntent(canceled.intent);
    // A capture or the expiry took the authorization first: answer as for the status it left.
    const after = await findPaymentIntent(tx, { accountId: scope.accountId, id });
    throw notCancelable(after?.status ?? intent.status);
  });
}
