import type { Db } from '@/db/client';
import { paymentIntentForSession } from '@/db/queries/payment-intents';
import { findSessionById } from '@/db/queries/public-session';
import { settledResult } from './claim-attempt';
import type { ConfirmResult } from './confirm-payment';

const WAIT_FOR_OTHER_ATTEMPT_MS = 15_000;
const POLL_MS = 150;

/**
 * Another tab (or a double click) holds the payment attempt: wait, bounded, for its outcome, so that
 * this customer sees the completed order rather than an error. A challenge or a decline over there
 * leaves this one to retry.
 */
export async function awaitOtherAttempt(db: Db, sessionId: string): Promise<ConfirmResult> {
  const deadline = Date.now() + WAIT_FOR_OTHER_ATTEMPT_MS;
  while (Date.now() < deadline) {
    // The intent first, then the session: the winner settles both in one transaction,
    // so an intent seen settled means the session read after it is settled too.
    const intent = await paymentIntentForSession(db, sessionId);
    const session = await findSessionById(db, sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    const done = settledResult(session, new Date());
    if (done) return done;
    if (!intent || intent.status !== 'processing') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { state: 'refused', reason: 'in_progress' };
}
