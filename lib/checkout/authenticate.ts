import type { Db } from '@/db/client';
import { paymentIntentForSession, resumeChallengedAttempt, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findSessionById, lockSessionById } from '@/db/queries/public-session';
import type { PaymentProcessor, StoredCard } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { completeResult } from './confirm-config';
import type { ConfirmResult } from './confirm-payment';
import { expireLockedSession } from './expire-session';
import { runAttempt } from './run-attempt';

/** Whether the session waits on a 3-D Secure challenge (the authenticate page shows only then). */
export async function pendingChallenge(db: Db, sessionId: string) {
  const session = await findSessionById(db, sessionId);
  if (!session) return null;
  const intent = await paymentIntentForSession(db, session.id);
  return {
    session,
    waiting: session.status === 'open' && intent?.status === 'requires_action',
    card: intent?.card ?? null,
    amount: intent?.amount ?? 0,
  };
}

/** A challenge is a card's (3-D Secure): the attempt being resumed has one. */
type Resumed = { intent: PaymentIntentRow & { attemptId: string; card: StoredCard } };

/**
 * The customer completes or fails the challenge (T5 in payment-state.ts): only on a session that can
 * still take the payment, and only the first answer counts. A challenge answered after the session's
 * time ran out expires the session instead (cancelling the attempt), so nothing is charged.
 */
export async function completeChallenge(
  db: Db,
  p: { sessionId: string; result: 'complete' | 'fail'; processor?: PaymentProcessor; now?: Date },
): Promise<ConfirmResult> {
  const processor = p.processor ?? testProcessor;
  const now = p.now ?? new Date();
  const resumed = await db.transaction(async (tx): Promise<Resumed | ConfirmResult> => {
    const session = await lockSessionById(tx, p.sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    if (session.status === 'complete') return completeResult(session);
    if (session.status === 'expired') return { state: 'closed', status: 'expired' };
    if (session.expiresAt <= now) {
      const expired = await expireLockedSession(tx, session, { accountId: session.accountId }, now);
      // Not expired only when a charge is in flight: then no challenge was waiting either.
      return expired ? { state: 'closed', status: 'expired' } : { state: 'refused', reason: 'in_progress' };
    }
    const intent = await resumeChallengedAttempt(tx, { sessionId: session.id, now });
    if (!intent?.attemptId || !intent.card) return { state: 'refused', reason: 'in_progress' };
    return { intent: { ...intent, attemptId: intent.attemptId, card: intent.card } };
  });
  if ('state' in resumed) return resumed;
  const { intent } = resumed;
  return runAttempt(db, {
    processor,
    sessionId: p.sessionId,
    intent,
    now,
    call: () =>
      processor.completeAuthentication({
        attemptId: intent.attemptId,
        resume: intent.processorState ?? {},
        result: p.result,
        card: intent.card,
      }),
  });
}
