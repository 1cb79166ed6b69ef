import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { claimPaymentAttempt, paymentIntentForSession, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findSessionById, lockSessionById } from '@/db/queries/public-session';
import { checkoutSessions, paymentIntents } from '@/db/schema';
import { toCardInput } from '@/lib/payments/card-schema';
import { fingerprintSecret } from '@/lib/payments/fingerprint';
import type { DeclineMessageKey } from '@/lib/payments/decline-messages';
import type { ChargeOutcome, PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { screenTestIban } from '@/lib/payments/test-sepa';
import { acceptSolution, CHALLENGE_AFTER_DECLINES } from '@/lib/security/proof-of-work';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { newId } from '@/lib/util/ids';
import { makeConfirmSchema } from '@/lib/validation/checkout-page';
import { collectedDetails } from './collected-details';
import { completeResult, confirmConfigFor } from './confirm-config';
import { finishCharge } from './finish-charge';
import { recheckDiscount } from './recheck-discount';
import { startSepaDebit } from './sepa-debit';

export type ConfirmResult =
  | { state: 'complete'; redirectUrl: string | null; embedded: boolean }
  | { state: 'requires_action' }
  | { state: 'declined'; message: DeclineMessageKey }
  | { state: 'invalid'; errors: Record<string, string> }
  | { state: 'closed'; status: 'expired' | 'not_found' }
  | { state: 'refused'; reason: 'too_many_attempts' | 'rate_limited' | 'in_progress' | 'challenge_failed' };

/** Card attempts allowed per session (declines), and per client across sessions. */
export const CARD_LIMITS = { declinesPerSession: 10, attemptsPerClient: 30, windowSeconds: 600 };

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of issues) errors[i.path.map(String).join('.')] ??= i.message;
  return errors;
}

const settled = (session: SessionRow): ConfirmResult | null =>
  session.status === 'complete'
    ? completeResult(session)
    : session.status === 'expired' || session.expiresAt <= new Date()
      ? { state: 'closed', status: 'expired' }
      : null;

/**
 * The customer pays: validate what they typed, take the session's one payment
 * attempt, charge outside any transaction, then record the outcome. The card
 * number, CVC and IBAN live only in this call's memory.
 */
export async function confirmPayment(
  db: Db,
  p: { sessionId: string; form: unknown; clientKey: string; processor?: PaymentProcessor; now?: Date },
): Promise<ConfirmResult> {
  const processor = p.processor ?? testProcessor;
  const now = p.now ?? new Date();
  const found = await findSessionById(db, p.sessionId);
  if (!found) return { state: 'closed', status: 'not_found' };
  const early = settled(found);
  if (early) return early;
  if (found.declinedAttempts >= CARD_LIMITS.declinesPerSession) return { state: 'refused', reason: 'too_many_attempts' };
  if (!(await hitRateLimit(db, { key: `card:client:${p.clientKey}`, limit: CARD_LIMITS.attemptsPerClient, windowSeconds: CARD_LIMITS.windowSeconds })))
    return { state: 'refused', reason: 'rate_limited' };
  if (found.declinedAttempts >= CHALLENGE_AFTER_DECLINES && !(await acceptSolution(db, found.id, (p.form as { altcha?: unknown } | null)?.altcha)))
    return { state: 'refused', reason: 'challenge_failed' };

  const parsed = makeConfirmSchema(confirmConfigFor(found), () => now).safeParse(p.form);
  if (!parsed.success) return { state: 'invalid', errors: issuesToErrors(parsed.error.issues) };
  const card = parsed.data.method === 'card' ? toCardInput(parsed.data.card) : null;
  const sepa = parsed.data.method === 'sepa_debit' ? parsed.data.sepa : null;
  const screened = card ? processor.screen(card) : screenTestIban(sepa!.iban);
  if (screened) return { state: 'invalid', errors: { [card ? 'card.number' : 'sepa.iban']: screened } };
  const details = collectedDetails(found, parsed.data);
  const discountProblem = await recheckDiscount(db, found, details.customerDetails.email);
  if (discountProblem) return { state: 'invalid', errors: { promotion_code: discountProblem } };

  // Claim: store what was collected and take the payment intent for this attempt.
  const claim = await db.transaction(async (tx): Promise<{ session: SessionRow; intent: PaymentIntentRow } | ConfirmResult> => {
    const session = await lockSessionById(tx, p.sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    const done = settled(session);
    if (done) return done;
    // Setup sessions and free orders still check the card, but charge nothing.
    const amount = session.mode === 'setup' ? 0 : (session.amountTotal ?? 0);
    // Every attempt goes through one payment intent per session, even when it
    // charges nothing (setup, free orders): its status is the attempt's lock.
    const existing = await paymentIntentForSession(tx, session.id);
    const intentId = existing?.id ?? newId('pi');
    if (!existing) {
      const pid = session.paymentIntentData as { description?: string; receipt_email?: string; setup_future_usage?: string; statement_descriptor?: string; metadata?: Record<string, string> } | null;
      await tx.insert(paymentIntents).values({
        id: intentId,
        accountId: session.accountId,
        amount,
        currency: session.currency!,
        status: 'requires_payment_method',
        checkoutSessionId: session.id,
        customerId: session.customerId,
        description: pid?.description ?? null,
        receiptEmail: pid?.receipt_email ?? null,
        setupFutureUsage: pid?.setup_future_usage ?? null,
        statementDescriptor: pid?.statement_descriptor ?? null,
        metadata: pid?.metadata ?? {},
        shipping: details.collectedInformation.shipping_details,
      });
    }
    const intent = await claimPaymentAttempt(tx, intentId, amount);
    if (!intent) return { state: 'refused', reason: 'in_progress' };
    const [updated] = await tx
      .update(checkoutSessions)
      .set({ ...details, paymentIntentId: amount > 0 ? intent.id : null })
      .where(eq(checkoutSessions.id, session.id))
      .returning();
    return { session: updated, intent };
  });
  if ('state' in claim) return claim.state === 'refused' && claim.reason === 'in_progress' ? awaitOtherAttempt(db, p.sessionId) : claim;

  if (!card) return startSepaDebit(db, claim.session.id, claim.intent, sepa!.iban, now);

  let outcome: ChargeOutcome;
  try {
    outcome = await processor.charge({
      amount: claim.intent.amount,
      currency: claim.session.currency ?? 'usd',
      card,
      setUpForOffSession: false,
      fingerprintSecret: fingerprintSecret(),
    });
  } catch (err) {
    // The processor did not answer: free the attempt so the customer can retry.
    await db
        .update(paymentIntents)
        .set({ status: 'requires_payment_method' })
        .where(and(eq(paymentIntents.id, claim.intent.id), eq(paymentIntents.status, 'processing')));
    throw err;
  }
  return finishCharge(db, claim.session.id, claim.intent, outcome);
}

const WAIT_FOR_OTHER_ATTEMPT_MS = 15_000;
const POLL_MS = 150;

/**
 * Another tab (or a double click) holds the payment attempt: wait, bounded,
 * for its outcome, so that this customer sees the completed order rather
 * than an error. A challenge or a decline over there leaves this one to retry.
 */
async function awaitOtherAttempt(db: Db, sessionId: string): Promise<ConfirmResult> {
  const deadline = Date.now() + WAIT_FOR_OTHER_ATTEMPT_MS;
  while (Date.now() < deadline) {
    // The intent first, then the session: the winner settles both in one transaction,
    // so an intent seen settled means the session read after it is settled too.
    const intent = await paymentIntentForSession(db, sessionId);
    const session = await findSessionById(db, sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    const done = settled(session);
    if (done) return done;
    if (!intent || intent.status !== 'processing') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { state: 'refused', reason: 'in_progress' };
}
