import type { Db } from '@/db/client';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import type { AccountScope } from '@/db/scope';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import type { CancelPaymentIntentParams } from '@/lib/validation/payment-intents';
import type { PaymentProcessor } from '../processor';
import { cancelAuthorization } from './release-authorization';
import { testProcessor } from '../test-processor';

export type { CancelPaymentIntentParams };

const CANCELABLE = 'requires_payment_method, requires_capture, requires_confirmation, requires_action, processing';

/** Stripe's answer to a cancel of an intent that can no longer be canceled. */
const notCancelable = (status: string) =>
  invalidRequest(
    `You cannot cancel this PaymentIntent because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE}.`,
    undefined,
    'payment_intent_unexpected_state',
  );

/**
 * A Checkout Session's intent that is not waiting for capture: "You can directly cancel the PaymentIntent
 * for a Checkout Session only when the PaymentIntent has a status of requires_capture. Otherwise, you must
 * expire the Checkout Session" (API reference, Cancel a PaymentIntent). The first sentence is what Stripe
 * answers (quoted in stripe/stripe-dotnet#2429); the second says what to do instead.
 */
const createdByCheckout = () =>
  invalidRequest(
    'You cannot perform this action on PaymentIntents created by Checkout. To stop this payment, expire its Checkout Session instead.',
  );

/**
 * POST /v1/payment_intents/:id/cancel and the dashboard's cancel. Every Caisse intent belongs to a
 * Checkout Session, so only an authorization waiting for capture can be canceled here: it is given
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
    const intent = await findPaymentIntent(tx, { accountId: scope.accountId, id });
    if (!intent || intent.amount === 0) throw noSuchObject('payment_intent', id);
    if (intent.status === 'succeeded' || intent.status === 'canceled') throw notCancelable(intent.status);
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
