import type { Db } from '@/db/client';
import { listLostAttempts, settleAttempt, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { lockSessionById } from '@/db/queries/public-session';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { STRIPE_DECLINES, storedPaymentError } from '@/lib/payments/decline-messages';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { releaseDiscount } from './discount-reservation';
import { ATTEMPT_LEASE_MS } from './payment-state';

type Attempt = Pick<PaymentIntentRow, 'id' | 'accountId' | 'attemptId' | 'amount' | 'currency' | 'checkoutSessionId'>;

/**
 * Gives up an attempt whose outcome is unknown — the processor failed to answer, or the process
 * running it died (T7 in lib/checkout/payment-state.ts): first the processor undoes whatever the
 * attempt did, then, if the intent still belongs to that attempt, it goes back to
 * requires_payment_method with a processing error and its discount reservation is released.
 * Returns whether this call recorded it (false when the attempt had already moved on).
 */
export async function abandonAttempt(db: Db, processor: PaymentProcessor, attempt: Attempt): Promise<boolean> {
  const attemptId = attempt.attemptId;
  if (!attemptId) return false;
  await processor.reverse({ attemptId, amount: attempt.amount, currency: attempt.currency });
  return db.transaction(async (tx) => {
    if (attempt.checkoutSessionId) await lockSessionById(tx, attempt.checkoutSessionId);
    const failed = await settleAttempt(
      tx,
      { id: attempt.id, attemptId },
      {
        status: 'requires_payment_method',
        lastPaymentError: storedPaymentError(STRIPE_DECLINES.processing_error),
        processorState: null,
        nextAction: null,
        attemptStartedAt: null,
      },
    );
    if (!failed) return false;
    await releaseDiscount(tx, failed);
    if (failed.amount > 0)
      await recordEvent(tx, { accountId: failed.accountId, type: 'payment_intent.payment_failed', object: serializePaymentIntent(failed) });
    return true;
  });
}

/** The sweep's part of T7: attempts processing for longer than the lease belong to a process that died. */
export async function recoverLostAttempts(db: Db, processor: PaymentProcessor, now: Date, limit = 100): Promise<number> {
  const lost = await listLostAttempts(db, { startedBefore: new Date(now.getTime() - ATTEMPT_LEASE_MS), limit });
  let recovered = 0;
  for (const intent of lost) if (await abandonAttempt(db, processor, intent)) recovered++;
  return recovered;
}
