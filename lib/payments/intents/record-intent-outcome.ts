import type { Db, Tx } from '@/db/client';
import { findPaymentIntent, settleAttempt, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findCustomer } from '@/db/queries/customers';
import { attachIfFree } from '@/db/queries/payment-methods';
import type { AccountScope } from '@/db/scope';
import type { StoredNextAction } from '@/db/schema';
import { env } from '@/lib/env';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { storedPaymentError } from '@/lib/payments/decline-messages';
import { serializePaymentMethod } from '@/lib/api/serialize/payment-method';
import type { ChargeOutcome, Decline, PaymentProcessor } from '@/lib/payments/processor';
import { recordCharge } from '@/lib/payments/record-charge';
import type { ApiAttempt } from './confirm-payment-intent';
import { intentChallengeUrl } from './intent-challenge-url';

/** A success that cannot count (the attempt was given up meanwhile): rolled back, then reversed. */
class LateSuccess extends Error {
  constructor() {
    super('late payment intent success');
  }
}

type Recording = {
  processor: PaymentProcessor;
  attempt: ApiAttempt;
  outcome: ChargeOutcome;
  now: Date;
  request?: AccountScope['request'];
  /** Where the customer returns after a 3-D Secure challenge on Caisse's page (confirm's return_url), if given. */
  returnUrl?: string | null;
};

/** What the customer must do: Caisse's challenge page, then back to the merchant's return_url; or Stripe.js's part. */
const nextActionFor = (intentId: string, returnUrl: string | null | undefined): StoredNextAction =>
  returnUrl
    ? { type: 'redirect_to_url', redirect_to_url: { url: intentChallengeUrl(env().APP_URL, intentId), return_url: returnUrl } }
    : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } };
type Recorded = { intent: PaymentIntentRow; decline: Decline | null };

/**
 * After a successful charge, a card setup_future_usage asked to keep is attached to the intent's customer
 * (when it is still free and the customer still there: a conditional update, and never an error, since the
 * money is already taken). A card used once without being kept was spent when its attempt was claimed.
 */
async function keepForLater(tx: Tx, intent: PaymentIntentRow, p: Recording) {
  if (!intent.setupFutureUsage || !intent.customerId) return;
  if (!(await findCustomer(tx, { accountId: intent.accountId, id: intent.customerId }))) return;
  const attached = await attachIfFree(tx, { accountId: intent.accountId, id: p.attempt.method.id, customerId: intent.customerId });
  if (attached)
    await recordEvent(tx, {
      accountId: intent.accountId,
      type: 'payment_method.attached',
      object: serializePaymentMethod(attached),
      request: p.request,
    });
}

async function recordInTx(tx: Tx, p: Recording): Promise<Recorded> {
  const { intent, method } = p.attempt;
  const fence = { id: intent.id, attemptId: intent.attemptId };
  const event = (
    type: 'payment_intent.succeeded' | 'payment_intent.requires_action' | 'payment_intent.payment_failed',
    row: PaymentIntentRow,
  ) => recordEvent(tx, { accountId: row.accountId, type, object: serializePaymentIntent(row), request: p.request });
  const { outcome } = p;
  if (outcome.status === 'succeeded') {
    const manual = intent.captureMethod === 'manual';
    const settled = await settleAttempt(tx, fence, {
      status: manual ? 'requires_capture' : 'succeeded',
      amountReceived: manual ? 0 : intent.amount,
      card: outcome.card,
      lastPaymentError: null,
      attemptStartedAt: null,
      processorState: null,
      nextAction: null,
    });
    if (!settled) throw new LateSuccess();
    await keepForLater(tx, settled, p);
    const chargeState = outcome.chargeState ?? null;
    const charged = await recordCharge(tx, {
      intent: settled,
      billingDetails: method.billingDetails,
      followUp: { chargeState, dispute: p.processor.disputeAfterCharge(chargeState) },
      now: p.now,
    });
    if (!manual) await event('payment_intent.succeeded', charged.intent);
    return { intent: charged.intent, decline: null };
  }
  if (outcome.status === 'requires_action') {
    const waiting = await settleAttempt(tx, fence, {
      status: 'requires_action',
      card: outcome.card,
      processorState: outcome.resume,
      nextAction: nextActionFor(intent.id, p.returnUrl),
    });
    if (!waiting) return { intent: await current(tx, intent), decline: null };
    await event('payment_intent.requires_action', waiting);
    return { intent: waiting, decline: null };
  }
  const error = storedPaymentError(outcome.decline);
  // As Stripe's: the refused method leaves the intent (a new confirm must name one) and is kept in the error.
  const failed = await settleAttempt(tx, fence, {
    status: 'requires_payment_method',
    paymentMethodId: null,
    card: outcome.card ?? intent.card,
    lastPaymentError: { ...error, payment_method: serializePaymentMethod(method) },
    attemptStartedAt: null,
    processorState: null,
    nextAction: null,
  });
  if (!failed) return { intent: await current(tx, intent), decline: null };
  await event('payment_intent.payment_failed', failed);
  return { intent: failed, decline: outcome.decline };
}

async function current(db: Db | Tx, intent: PaymentIntentRow): Promise<PaymentIntentRow> {
  const row = await findPaymentIntent(db, { accountId: intent.accountId, id: intent.id });
  if (!row) throw new Error(`recordIntentOutcome: payment intent ${intent.id} is gone`);
  return row;
}

/**
 * Records what the processor answered for an API-made intent's attempt, only while the intent is still
 * processing that attempt (T2–T4 of lib/checkout/payment-state.ts): succeeded (its charge, the card kept or
 * spent), waiting for 3-D Secure, or declined. A success that comes after the attempt was given up (T7) is
 * reversed at the processor, and the intent answered as whoever moved it left it.
 */
export async function recordIntentOutcome(db: Db, p: Recording): Promise<Recorded> {
  try {
    return await db.transaction((tx) => recordInTx(tx, p));
  } catch (err) {
    if (!(err instanceof LateSuccess)) throw err;
  }
  const { intent } = p.attempt;
  await p.processor.reverse({ attemptId: intent.attemptId, amount: intent.amount, currency: intent.currency });
  return { intent: await current(db, intent), decline: null };
}
