import type { Db } from '@/db/client';
import { findPaymentIntentById, resumeChallengedIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findPaymentMethod } from '@/db/queries/payment-methods';
import { abandonAttempt } from '@/lib/checkout/abandon-attempt';
import { STRIPE_DECLINES } from '@/lib/payments/decline-messages';
import type { ChargeOutcome, PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { intentSignatureValid } from './intent-challenge-url';
import { recordIntentOutcome } from './record-intent-outcome';
import { log, errorText } from '@/lib/log';

/** The challenge an API-made intent waits on, for its page at /a/{id}/{signature}, and where the customer returns. */
export type IntentChallenge = { intent: PaymentIntentRow; returnUrl: string };

/** The intent behind a signed link, waiting on the challenge its confirm sent the customer to; null for anything else. */
export async function pendingIntentChallenge(db: Db, p: { intentId: string; signature: string }): Promise<IntentChallenge | null> {
  if (!intentSignatureValid(p.intentId, p.signature)) return null;
  const intent = await findPaymentIntentById(db, p.intentId);
  if (intent?.status !== 'requires_action' || intent.nextAction?.type !== 'redirect_to_url') return null;
  return { intent, returnUrl: intent.nextAction.redirect_to_url.return_url };
}

/** Where the customer goes back to, with Stripe's query parameters: the intent and how the redirect ended. */
function returnTo(returnUrl: string, intent: PaymentIntentRow | null): string {
  const url = new URL(returnUrl);
  if (!intent) return url.toString();
  url.searchParams.set('payment_intent', intent.id);
  url.searchParams.set('redirect_status', intent.status === 'succeeded' || intent.status === 'requires_capture' ? 'succeeded' : 'failed');
  return url.toString();
}

/**
 * The customer passes or fails the challenge (T5, then T2–T4 of lib/checkout/payment-state.ts):
 * requires_action → processing as one conditional update, so only the first answer counts; the processor
 * finishes the attempt and its outcome is recorded as a first try's is. Returns where the customer goes
 * (the merchant's return_url, with the intent), or null when the link leads nowhere.
 */
export async function completeIntentChallenge(
  db: Db,
  p: { intentId: string; signature: string; result: 'complete' | 'fail'; processor?: PaymentProcessor; now?: Date },
): Promise<string | null> {
  const processor = p.processor ?? testProcessor;
  const now = p.now ?? new Date();
  const pending = await pendingIntentChallenge(db, p);
  if (!pending) return null;
  const resumed = await resumeChallengedIntent(db, { id: pending.intent.id, now });
  // Answered already (another tab, a double click): back to the merchant with the intent as it is.
  if (!resumed?.attemptId) return returnTo(pending.returnUrl, await findPaymentIntentById(db, pending.intent.id));
  const attemptId = resumed.attemptId;
  const method = resumed.paymentMethodId
    ? await findPaymentMethod(db, { accountId: resumed.accountId, id: resumed.paymentMethodId })
    : null;
  if (!method?.card || method.customerId !== resumed.customerId) {
    // A challenge is a saved card's: one detached while the challenge waited (or none) is not charged; the
    // attempt is given up as a processing error.
    await abandonAttempt(db, processor, resumed);
    return returnTo(pending.returnUrl, await findPaymentIntentById(db, resumed.id));
  }
  const card = resumed.card ?? method.card;
  let outcome: ChargeOutcome;
  try {
    outcome = await processor.completeAuthentication({ attemptId, resume: resumed.processorState ?? {}, result: p.result, card });
  } catch (err) {
    log().error({ error: errorText(err) }, 'a payment intent challenge failed at the processor');
    await processor.reverse({ attemptId, amount: resumed.amount, currency: resumed.currency });
    outcome = { status: 'failed', card, decline: { ...STRIPE_DECLINES.processing_error } };
  }
  const recorded = await recordIntentOutcome(db, {
    processor,
    attempt: { intent: { ...resumed, attemptId }, method: { ...method, card: method.card } },
    outcome,
    now,
  });
  return returnTo(pending.returnUrl, recorded.intent);
}
