import type { Db } from '@/db/client';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { findSessionById } from '@/db/queries/public-session';
import { and, eq } from 'drizzle-orm';
import { paymentIntents } from '@/db/schema';
import type { PaymentProcessor, StoredCard } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { completeResult } from './confirm-config';
import type { ConfirmResult } from './confirm-payment';
import { finishCharge } from './finish-charge';

/** Whether the session waits on a 3-D Secure challenge (the authenticate page shows only then). */
export async function pendingChallenge(db: Db, sessionId: string) {
  const session = await findSessionById(db, sessionId);
  if (!session) return null;
  const intent = await paymentIntentForSession(db, session.id);
  return { session, waiting: session.status === 'open' && intent?.status === 'requires_action', card: intent?.card ?? null, amount: intent?.amount ?? 0 };
}

/** The customer completes or fails the challenge; the processor then decides, as after a first attempt. */
export async function completeChallenge(db: Db, p: { sessionId: string; result: 'complete' | 'fail'; processor?: PaymentProcessor }): Promise<ConfirmResult> {
  const processor = p.processor ?? testProcessor;
  const session = await findSessionById(db, p.sessionId);
  if (!session) return { state: 'closed', status: 'not_found' };
  if (session.status === 'complete') return completeResult(session);
  // Only one answer to a challenge counts: the first to move it to processing.
  const [intent] = await db
    .update(paymentIntents)
    .set({ status: 'processing' })
    .where(and(eq(paymentIntents.checkoutSessionId, session.id), eq(paymentIntents.status, 'requires_action')))
    .returning();
  if (!intent) return { state: 'refused', reason: 'in_progress' };
  const outcome = await processor.completeAuthentication(intent.processorState ?? {}, p.result, intent.card as StoredCard);
  return finishCharge(db, session.id, intent, outcome);
}
