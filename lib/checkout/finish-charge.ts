import type { Db, Tx } from '@/db/client';
import { incrementSessionDeclines, type SessionRow } from '@/db/queries/checkout-sessions';
import { settleAttempt, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findSessionById, lockSessionById } from '@/db/queries/public-session';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { declineMessageKey, storedPaymentError } from '@/lib/payments/decline-messages';
import type { ChargeOutcome, PaymentProcessor } from '@/lib/payments/processor';
import { recordCardDeclined } from './card-testing';
import { completeSession } from './complete-session';
import { completeResult } from './confirm-config';
import type { ConfirmResult } from './confirm-payment';
import { releaseDiscount } from './discount-reservation';
import { setupIntentFailed, setupIntentRequiresAction } from './setup-intent-steps';

type Attempt = PaymentIntentRow & { attemptId: string };

/** A success that cannot count: rolled back here, reversed at the processor, recorded afterwards. */
class LateSuccess extends Error {
  constructor() {
    super('late success');
  }
}

/**
 * Records what the processor answered for an attempt, after a first try or a 3-D Secure challenge
 * (T2, T3, T4 in lib/checkout/payment-state.ts), only while the intent is still processing that
 * attempt. A success that can no longer count — the attempt was given up (T7) or its session is no
 * longer open — is reversed at the processor before anything is recorded, so no money is kept for
 * a session that is not complete.
 */
export async function finishCharge(
  db: Db,
  p: { processor: PaymentProcessor; sessionId: string; intent: Attempt; outcome: ChargeOutcome; now: Date },
): Promise<ConfirmResult> {
  try {
    return await db.transaction((tx) => recordOutcome(tx, p));
  } catch (err) {
    if (!(err instanceof LateSuccess)) throw err;
  }
  await p.processor.reverse({ attemptId: p.intent.attemptId, amount: p.intent.amount, currency: p.intent.currency });
  await db.transaction((tx) => cancelReversedAttempt(tx, p.sessionId, p.intent, p.now));
  const session = await findSessionById(db, p.sessionId);
  return session ? stateOf(session) : { state: 'closed', status: 'not_found' };
}

async function recordOutcome(
  tx: Tx,
  p: { processor: PaymentProcessor; sessionId: string; intent: Attempt; outcome: ChargeOutcome; now: Date },
): Promise<ConfirmResult> {
  const { intent, outcome } = p;
  const session = await lockSessionById(tx, p.sessionId);
  if (!session) return { state: 'closed', status: 'not_found' };
  const fence = { id: intent.id, attemptId: intent.attemptId };
  if (outcome.status === 'succeeded') {
    const chargeState = outcome.chargeState ?? null;
    const followUp = { chargeState, dispute: p.processor.disputeAfterCharge(chargeState) };
    const completed = await completeSession(tx, session, { intent, card: outcome.card, followUp, reusable: outcome.reusable }, p.now);
    if (!completed) throw new LateSuccess();
    return completeResult(completed);
  }
  if (outcome.status === 'requires_action') {
    const waiting = await settleAttempt(tx, fence, {
      status: 'requires_action',
      card: outcome.card,
      processorState: outcome.resume,
      nextAction: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } },
    });
    if (!waiting) return stateOf(session);
    if (waiting.amount > 0)
      await recordEvent(tx, {
        accountId: session.accountId,
        type: 'payment_intent.requires_action',
        object: serializePaymentIntent(waiting),
      });
    await setupIntentRequiresAction(tx, session);
    return { state: 'requires_action' };
  }
  const error = storedPaymentError(outcome.decline);
  const failed = await settleAttempt(tx, fence, {
    status: 'requires_payment_method',
    card: outcome.card,
    lastPaymentError: error,
    processorState: null,
    nextAction: null,
    attemptStartedAt: null,
  });
  if (!failed) return stateOf(session);
  await releaseDiscount(tx, failed);
  if (failed.amount > 0)
    await recordEvent(tx, { accountId: session.accountId, type: 'payment_intent.payment_failed', object: serializePaymentIntent(failed) });
  await setupIntentFailed(tx, session, error);
  await incrementSessionDeclines(tx, { id: session.id });
  if (outcome.card) await recordCardDeclined(tx, { sessionId: session.id, fingerprint: outcome.card.fingerprint });
  return { state: 'declined', message: declineMessageKey(outcome.decline) };
}

/** An outcome for an attempt that was given up meanwhile: the session as it is, or a processing error to retry. */
function stateOf(session: SessionRow): ConfirmResult {
  if (session.status === 'complete') return completeResult(session);
  if (session.status === 'expired') return { state: 'closed', status: 'expired' };
  return { state: 'declined', message: 'decline.processing_error' };
}

/**
 * After a late success was reversed: if the intent still belongs to that attempt (its session closed
 * under it, which the state machine does not allow but this does not rely on), it ends canceled
 * with the reservation released and its event. If the attempt had moved on, whoever moved it
 * recorded that already.
 */
async function cancelReversedAttempt(tx: Tx, sessionId: string, intent: Attempt, now: Date) {
  await lockSessionById(tx, sessionId);
  const canceled = await settleAttempt(
    tx,
    { id: intent.id, attemptId: intent.attemptId },
    {
      status: 'canceled',
      canceledAt: now,
      cancellationReason: 'abandoned',
      processorState: null,
      nextAction: null,
      attemptStartedAt: null,
    },
  );
  if (!canceled) return;
  await releaseDiscount(tx, canceled);
  if (canceled.amount > 0)
    await recordEvent(tx, { accountId: canceled.accountId, type: 'payment_intent.canceled', object: serializePaymentIntent(canceled) });
}
