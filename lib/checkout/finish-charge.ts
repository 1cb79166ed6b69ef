import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { lockSessionById } from '@/db/queries/public-session';
import { checkoutSessions, paymentIntents } from '@/db/schema';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { declineMessageKey } from '@/lib/payments/decline-messages';
import type { ChargeOutcome } from '@/lib/payments/processor';
import { completeSession } from './complete-session';
import { completeResult } from './confirm-config';
import type { ConfirmResult } from './confirm-payment';

/** Records what the processor answered, for a first attempt or after a 3-D Secure challenge. */
export async function finishCharge(db: Db, sessionId: string, intent: PaymentIntentRow, outcome: ChargeOutcome): Promise<ConfirmResult> {
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const session = await lockSessionById(tx, sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    if (outcome.status === 'succeeded') {
      const completed = await completeSession(tx, session, { intent, card: outcome.card });
      const final = completed ?? session;
      return completeResult(final);
    }
    if (outcome.status === 'requires_action') {
      await tx
        .update(paymentIntents)
        .set({
          status: 'requires_action',
          card: outcome.card,
          processorState: outcome.resume,
          nextAction: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } },
        })
        .where(eq(paymentIntents.id, intent.id));
      return { state: 'requires_action' };
    }
    const error = { type: 'card_error', code: outcome.decline.code, decline_code: outcome.decline.declineCode, message: outcome.decline.message };
    const [failed] = await tx
      .update(paymentIntents)
      .set({ status: 'requires_payment_method', card: outcome.card, lastPaymentError: error, processorState: null, nextAction: null })
      .where(eq(paymentIntents.id, intent.id))
      .returning();
    if (failed.amount > 0) await recordEvent(tx, { accountId: session.accountId, type: 'payment_intent.payment_failed', object: serializePaymentIntent(failed) });
    await tx
      .update(checkoutSessions)
      .set({ declinedAttempts: sql`${checkoutSessions.declinedAttempts} + 1` })
      .where(eq(checkoutSessions.id, session.id));
    return { state: 'declined', message: declineMessageKey(outcome.decline) };
  });
}
