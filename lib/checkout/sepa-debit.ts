import type { Db } from '@/db/client';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { lockSessionById } from '@/db/queries/public-session';
import { env } from '@/lib/env';
import { fingerprintSecret } from '@/lib/payments/fingerprint';
import { startTestDebit } from '@/lib/payments/test-sepa';
import { completeSession } from './complete-session';
import { completeResult } from './confirm-config';
import type { ConfirmResult } from './confirm-payment';

/**
 * A SEPA Direct Debit is accepted at once and settles later, as in Stripe
 * Checkout: the session completes now with payment_status 'unpaid' and the
 * payment intent 'processing'; lib/checkout/async-payment-sweep.ts applies the
 * bank's answer when it is due. The IBAN is not stored, only its pending
 * outcome (processorState) and what a statement shows of it.
 */
export async function startSepaDebit(db: Db, sessionId: string, intent: PaymentIntentRow, iban: string, now: Date): Promise<ConfirmResult> {
  const { sepaDebit, pending } = startTestDebit({
    iban,
    // One fingerprint key for every method: "the same customer" across cards and accounts is not mixed up
    // because startTestDebit tags what it hashes.
    fingerprintSecret: fingerprintSecret(),
    now,
    settleSeconds: env().SEPA_TEST_SETTLE_SECONDS,
  });
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const session = await lockSessionById(tx, sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    const completed = await completeSession(tx, session, { intent, card: null, sepaDebit, pending }, now);
    return completeResult(completed ?? session);
  });
}
