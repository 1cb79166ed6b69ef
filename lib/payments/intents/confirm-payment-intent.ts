import type { Db, Tx } from '@/db/client';
import { claimPaymentAttempt, lockPaymentIntent, updatePaymentIntentFields, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { getAccountAllowlists } from '@/db/queries/account-allowlists';
import { findPaymentMethod, spendIfFree, type PaymentMethodRow } from '@/db/queries/payment-methods';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { checkRedirectUrls } from '@/lib/checkout/session-rules';
import { cardDeclined } from '@/lib/payments/card-errors';
import { STRIPE_DECLINES } from '@/lib/payments/decline-messages';
import type { ChargeOutcome, PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { newId } from '@/lib/util/ids';
import type { ConfirmPaymentIntentParams } from '@/lib/validation/payment-intents';
import { cannotConfirm, managedElsewhere, methodSpent, missingPaymentMethod, requiresActionNotHandled } from './intent-errors';
import { recordIntentOutcome } from './record-intent-outcome';
import { usablePaymentMethod } from './usable-payment-method';
import { log, errorText } from '@/lib/log';

/** An attempt taken on an API-made intent: the intent processing it, and the saved card it charges. */
export type ApiAttempt = {
  intent: PaymentIntentRow & { attemptId: string };
  method: PaymentMethodRow & { card: NonNullable<PaymentMethodRow['card']> };
};

const CONFIRMABLE: readonly PaymentIntentRow['status'][] = ['requires_payment_method', 'requires_confirmation'];

/**
 * T1 for an intent the merchant's server made: on the locked intent, with the card it will charge, one
 * conditional update takes it to `processing` under a fresh attempt id, so of two concurrent confirms
 * exactly one reaches the processor.
 */
async function claim(tx: Tx, scope: AccountScope & { id: string }, p: ConfirmPaymentIntentParams, processor: PaymentProcessor, now: Date) {
  const intent = await lockPaymentIntent(tx, scope);
  if (!intent || intent.amount === 0) throw noSuchObject('payment_intent', scope.id);
  checkRedirectUrls({ return_url: p.return_url }, (await getAccountAllowlists(tx, scope)).allowedRedirectDomains);
  if (intent.checkoutSessionId) throw managedElsewhere(`Checkout Session ${intent.checkoutSessionId}`);
  if (intent.invoiceId) throw managedElsewhere(`invoice ${intent.invoiceId}`);
  if (!CONFIRMABLE.includes(intent.status)) throw cannotConfirm(intent.status);
  const methodId = p.payment_method ?? intent.paymentMethodId;
  if (!methodId) throw missingPaymentMethod();
  const method = p.payment_method
    ? await usablePaymentMethod(tx, { accountId: scope.accountId, id: p.payment_method, customerId: intent.customerId, processor, now })
    : await findPaymentMethod(tx, { accountId: scope.accountId, id: methodId });
  // An intent's own method was checked when it was set; it may have been detached since.
  if (!method?.card || (method.customerId !== intent.customerId && (method.customerId || method.consumed))) throw missingPaymentMethod();
  // A method no customer keeps is spent by this use, now, so that a second use of it is refused rather than charged too.
  const keeps = (p.setup_future_usage === undefined ? intent.setupFutureUsage : p.setup_future_usage) !== null;
  if (!method.customerId && !keeps && !(await spendIfFree(tx, { accountId: scope.accountId, id: method.id }))) throw methodSpent();
  const attemptId = newId('att');
  const claimed = await claimPaymentAttempt(tx, { id: intent.id, amount: intent.amount, attemptId, now });
  if (!claimed) throw cannotConfirm(intent.status);
  const updated = await updatePaymentIntentFields(tx, {
    accountId: scope.accountId,
    id: intent.id,
    set: {
      paymentMethodId: method.id,
      card: method.card,
      offSession: p.off_session ?? false,
      ...(p.setup_future_usage !== undefined && { setupFutureUsage: p.setup_future_usage }),
      ...(p.receipt_email !== undefined && { receiptEmail: p.receipt_email }),
      ...(p.capture_method !== undefined && { captureMethod: p.capture_method }),
    },
  });
  const attempt: ApiAttempt = { intent: { ...updated, attemptId }, method: { ...method, card: method.card } };
  return attempt;
}

/** The processor's answer; a processor that fails to answer is a processing error, its attempt reversed. */
async function charge(processor: PaymentProcessor, a: ApiAttempt, p: ConfirmPaymentIntentParams): Promise<ChargeOutcome> {
  const { intent, method } = a;
  let outcome: ChargeOutcome;
  try {
    outcome = await processor.chargeSaved({
      attemptId: intent.attemptId,
      amount: intent.amount,
      currency: intent.currency,
      card: method.card,
      reusable: method.processorState,
      customerPresent: !intent.offSession,
    });
  } catch (err) {
    log().error({ error: errorText(err) }, 'a payment intent charge failed at the processor');
    await processor.reverse({ attemptId: intent.attemptId, amount: intent.amount, currency: intent.currency });
    return { status: 'failed', card: method.card, decline: { ...STRIPE_DECLINES.processing_error } };
  }
  // error_on_requires_action: the merchant would rather the payment failed than waited for the customer.
  if (outcome.status === 'requires_action' && p.error_on_requires_action)
    return { status: 'failed', card: outcome.card, decline: { ...STRIPE_DECLINES.authentication_required } };
  return outcome;
}

/**
 * POST /v1/payment_intents/:id/confirm (and create with confirm=true): charges the intent's card, one
 * attempt. Off-session, a card that needs its holder fails with `authentication_required`; on-session it
 * waits in `requires_action`. A decline is Stripe's 402 card error carrying the intent, which goes back to
 * `requires_payment_method` with its last_payment_error.
 */
export async function confirmPaymentIntent(
  db: Db,
  scope: AccountScope & { id: string },
  p: ConfirmPaymentIntentParams,
  opts: { processor?: PaymentProcessor; now?: Date } = {},
) {
  const processor = opts.processor ?? testProcessor;
  const now = opts.now ?? new Date();
  const attempt = await db.transaction((tx) => claim(tx, scope, p, processor, now));
  const outcome = await charge(processor, attempt, p);
  const result = await recordIntentOutcome(db, { processor, attempt, outcome, now, request: scope.request, returnUrl: p.return_url });
  const object = serializePaymentIntent(result.intent);
  if (result.decline) throw cardDeclined(result.decline, object);
  if (result.intent.status === 'requires_action' && p.error_on_requires_action) throw requiresActionNotHandled(object);
  return object;
}
