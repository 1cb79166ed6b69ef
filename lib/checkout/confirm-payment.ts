import type { Db } from '@/db/client';
import { updateSessionFields, type SessionRow } from '@/db/queries/checkout-sessions';
import {
  claimPaymentAttempt,
  insertPaymentIntent,
  paymentIntentForSession,
  updatePaymentIntentFields,
  type PaymentIntentRow,
} from '@/db/queries/payment-intents';
import { deletePassOptIn, upsertPassOptIn } from '@/db/queries/passes';
import { findPaymentMethod } from '@/db/queries/payment-methods';
import { findSessionById, lockSessionById } from '@/db/queries/public-session';
import { normalizeCardNumber, luhnValid } from '@/lib/payments/card-number';
import { toCardInput } from '@/lib/payments/card-schema';
import type { DeclineMessageKey } from '@/lib/payments/decline-messages';
import { cardFingerprint, fingerprintSecret } from '@/lib/payments/fingerprint';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { screenTestIban } from '@/lib/payments/test-sepa';
import { acceptSolution } from '@/lib/security/proof-of-work';
import { PASS_CARD, passOffered, passPaymentMethod } from '@/lib/pass/pass-checkout';
import { signedInPass } from '@/lib/pass/pass-sign-in';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { newId } from '@/lib/util/ids';
import { makeConfirmSchema } from '@/lib/validation/checkout-page';
import { cardTestingDemand, cardTestingSignals, recordCardAttempt } from './card-testing';
import { collectedDetails } from './collected-details';
import { completeSession } from './complete-session';
import { collectsPaymentMethod, completeResult, confirmConfigFor } from './confirm-config';
import { DiscountRefused, reserveDiscount } from './discount-reservation';
import { refuseDiscount } from './refuse-discount';
import { notPayable } from './payment-state';
import { recheckDiscount } from './recheck-discount';
import { runAttempt } from './run-attempt';
import { savedCardsFor, stillOffered } from './saved-cards';
import { startSepaDebit } from './sepa-debit';

export type ConfirmResult =
  | { state: 'complete'; redirectUrl: string | null; embedded: boolean }
  | { state: 'requires_action' }
  | { state: 'declined'; message: DeclineMessageKey }
  | { state: 'invalid'; errors: Record<string, string> }
  | { state: 'closed'; status: 'expired' | 'not_found' }
  | { state: 'refused'; reason: 'too_many_attempts' | 'rate_limited' | 'in_progress' | 'challenge_failed' };

/** Card attempts allowed per client (its socket address, or the address a trusted proxy reports) across sessions. */
export const CLIENT_CARD_LIMIT = { attempts: 30, windowSeconds: 600 };

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of issues) errors[i.path.map(String).join('.')] ??= i.message;
  return errors;
}

/** The answer for a session that takes no payment now, or null when it does. */
export function settledResult(session: SessionRow, now: Date): ConfirmResult | null {
  const closed = notPayable(session, now);
  if (closed === 'complete') return completeResult(session);
  return closed ? { state: 'closed', status: 'expired' } : null;
}

/** The fingerprint card testing counts: null for a number that is no card (the processor declines it). */
function fingerprintOf(number: string): string | null {
  const digits = normalizeCardNumber(number);
  return digits && luhnValid(digits) ? cardFingerprint(digits, fingerprintSecret()) : null;
}

type Claimed = { session: SessionRow; intent: PaymentIntentRow & { attemptId: string } };

/**
 * The customer pays: validate what they typed, pass the card-testing limits, claim the session's one
 * payment attempt (T1 in payment-state.ts), charge outside any transaction, then record the outcome.
 * The card number, CVC and IBAN live only in this call's memory.
 */
export async function confirmPayment(
  db: Db,
  p: {
    sessionId: string;
    form: unknown;
    clientKey: string;
    /** The browser's Caisse Pass sign-in on this page (its cookie), if any. */
    passToken?: string | null;
    processor?: PaymentProcessor;
    now?: Date;
  },
): Promise<ConfirmResult> {
  const processor = p.processor ?? testProcessor;
  const now = p.now ?? new Date();
  const found = await findSessionById(db, p.sessionId);
  if (!found) return { state: 'closed', status: 'not_found' };
  const early = settledResult(found, now);
  if (early) return early;
  if (
    !(await hitRateLimit(db, {
      key: `card:client:${p.clientKey}`,
      limit: CLIENT_CARD_LIMIT.attempts,
      windowSeconds: CLIENT_CARD_LIMIT.windowSeconds,
      now,
    }))
  )
    return { state: 'refused', reason: 'rate_limited' };

  const savedCards = await savedCardsFor(db, found);
  const passShown = passOffered(found);
  const pass = passShown ? await signedInPass(db, { sessionId: found.id, token: p.passToken, now }) : null;
  const parsed = makeConfirmSchema(
    confirmConfigFor(found, [...(pass ? [PASS_CARD] : []), ...savedCards.map((c) => c.id)], passShown && !pass),
    () => now,
  ).safeParse(p.form);
  if (!parsed.success) return { state: 'invalid', errors: issuesToErrors(parsed.error.issues) };
  const savedCard = parsed.data.method === 'saved' ? parsed.data.saved_card : null;
  const card = parsed.data.method === 'card' ? toCardInput(parsed.data.card) : null;
  // Read only when there is no card: the method is then sepa_debit.
  const iban = parsed.data.method === 'sepa_debit' ? parsed.data.sepa.iban : null;
  const screened = card ? processor.screen(card) : iban !== null ? screenTestIban(iban) : null;
  if (screened) return { state: 'invalid', errors: { [card ? 'card.number' : 'sepa.iban']: screened } };

  const fingerprint = card ? fingerprintOf(card.number) : null;
  if (card) {
    const demand = cardTestingDemand(await cardTestingSignals(db, found, fingerprint, now));
    if (demand.refused) return { state: 'refused', reason: 'too_many_attempts' };
    if (
      demand.proofLevel > 0 &&
      !(await acceptSolution(db, { scope: found.id, level: demand.proofLevel, payload: (p.form as { altcha?: unknown } | null)?.altcha }))
    )
      return { state: 'refused', reason: 'challenge_failed' };
  }

  const details = collectedDetails(found, parsed.data);
  let claim: Claimed | ConfirmResult;
  try {
    claim = await claimAttempt(db, {
      sessionId: p.sessionId,
      details: { ...details, savePaymentMethod: parsed.data.save_card && !savedCard },
      fingerprint,
      withoutMethod: !card && iban === null && !savedCard,
      savedCard,
      passToken: p.passToken ?? null,
      passPhone: parsed.data.method === 'card' && parsed.data.pass_opt_in ? parsed.data.pass_phone : null,
      now,
    });
  } catch (err) {
    if (err instanceof DiscountRefused) return refuseDiscount(db, p.sessionId, err.refusal, now);
    throw err;
  }
  if ('state' in claim) return claim;
  if (iban !== null) return startSepaDebit(db, claim.session.id, claim.intent, iban, now);
  if (savedCard) return payWithSavedCard(db, claim, processor, now);
  if (!card) return completeWithoutPaymentMethod(db, claim, now);
  const { session, intent } = claim;
  return runAttempt(db, {
    processor,
    sessionId: session.id,
    intent,
    now,
    call: () =>
      processor.charge({
        attemptId: intent.attemptId,
        amount: intent.amount,
        currency: session.currency ?? 'usd',
        card,
        setUpForOffSession: false,
        fingerprintSecret: fingerprintSecret(),
      }),
  });
}

/**
 * One click: the customer's saved card, chosen on the page, charged with the customer there to pass 3-D
 * Secure if its issuer asks (the challenge then runs as for a typed card).
 */
async function payWithSavedCard(db: Db, claim: Claimed, processor: PaymentProcessor, now: Date): Promise<ConfirmResult> {
  const { session, intent } = claim;
  const method = intent.paymentMethodId ? await findPaymentMethod(db, { accountId: session.accountId, id: intent.paymentMethodId }) : null;
  // claimAttempt took the attempt for this card: it is the intent's, and a card.
  if (!method?.card) throw new Error(`payWithSavedCard: intent ${intent.id} holds no saved card`);
  const card = method.card;
  return runAttempt(db, {
    processor,
    sessionId: session.id,
    intent,
    now,
    call: () =>
      processor.chargeSaved({
        attemptId: intent.attemptId,
        amount: intent.amount,
        currency: intent.currency,
        card,
        reusable: method.processorState,
        customerPresent: true,
      }),
  });
}

/** A card-less trial (nothing due, no method asked for): the claimed attempt completes the session at once. */
async function completeWithoutPaymentMethod(db: Db, claim: Claimed, now: Date): Promise<ConfirmResult> {
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const session = await lockSessionById(tx, claim.session.id);
    if (!session) return { state: 'closed', status: 'not_found' };
    // claimAttempt let this attempt through only with nothing due.
    if (claim.intent.amount !== 0) throw new Error(`completeWithoutPaymentMethod: ${claim.intent.id} is for ${claim.intent.amount}`);
    const completed = await completeSession(tx, session, { intent: claim.intent, card: null }, now);
    return completed ? completeResult(completed) : (settledResult(session, now) ?? { state: 'refused', reason: 'in_progress' });
  });
}

/**
 * T1: on the locked, payable session, store what was collected, take the intent for a new attempt
 * and reserve the discount's redemption — all or nothing. Throws DiscountRefused (rolling it all
 * back) when the discount ran out or stopped applying since it was applied.
 */
async function claimAttempt(
  db: Db,
  p: {
    sessionId: string;
    details: ReturnType<typeof collectedDetails> & { savePaymentMethod: boolean };
    fingerprint: string | null;
    withoutMethod: boolean;
    savedCard: string | null;
    passToken: string | null;
    passPhone: string | null;
    now: Date;
  },
): Promise<Claimed | ConfirmResult> {
  return db.transaction(async (tx): Promise<Claimed | ConfirmResult> => {
    const session = await lockSessionById(tx, p.sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    const done = settledResult(session, p.now);
    if (done) return done;
    // The form was checked against the session as it was read; under the lock, something may be due now
    // (an item added meanwhile): a form without a payment method no longer completes it.
    if (p.withoutMethod && collectsPaymentMethod(session)) return { state: 'invalid', errors: { method: 'method.invalid' } };
    // The saved card was offered as the page was read; under the lock it must still be this customer's, shown again
    // (the Pass's: the browser still signed in to it; its card becomes a payment method of this merchant's once the
    // attempt is claimed).
    const pass = p.savedCard === PASS_CARD ? await signedInPass(tx, { sessionId: session.id, token: p.passToken, now: p.now }) : null;
    let saved = p.savedCard && !pass ? await stillOffered(tx, session, p.savedCard) : null;
    if (p.savedCard && !saved && !pass) return { state: 'invalid', errors: { saved_card: 'saved_card.unavailable' } };
    // Setup sessions and free orders still check the card, but charge nothing.
    const amount = session.mode === 'setup' ? 0 : (session.amountTotal ?? 0);
    // Every attempt goes through one payment intent per session, even when it charges nothing
    // (setup, free orders): its status is the attempt's lock.
    const existing = await paymentIntentForSession(tx, session.id);
    const intentId = existing?.id ?? newId('pi');
    if (!existing) {
      // Every session that reaches the pay form has a currency (its prices'): the intent is in it.
      if (!session.currency) throw new Error(`claimAttempt: session ${session.id} has no currency`);
      const pid = session.paymentIntentData;
      await insertPaymentIntent(tx, {
        id: intentId,
        accountId: session.accountId,
        amount,
        currency: session.currency,
        status: 'requires_payment_method',
        checkoutSessionId: session.id,
        customerId: session.customerId,
        description: pid?.description ?? null,
        receiptEmail: pid?.receipt_email ?? null,
        setupFutureUsage: pid?.setup_future_usage ?? null,
        // manual: the payment is only authorized, and completes the session with the intent in requires_capture.
        captureMethod: pid?.capture_method ?? 'automatic',
        statementDescriptor: pid?.statement_descriptor ?? null,
        metadata: pid?.metadata ?? {},
        shipping: p.details.collectedInformation.shipping_details,
        createdAt: p.now,
      });
    }
    const attemptId = newId('att');
    const claimed = await claimPaymentAttempt(tx, { id: intentId, amount, attemptId, now: p.now });
    if (!claimed) return { state: 'refused', reason: 'in_progress' };
    if (pass) {
      const d = p.details.customerDetails;
      saved = await passPaymentMethod(tx, session, pass, {
        address: d.address,
        email: d.email,
        name: d.name,
        phone: d.phone,
        tax_id: null,
      });
    }
    if (passOffered(session))
      await (p.passPhone ? upsertPassOptIn(tx, { checkoutSessionId: session.id, phone: p.passPhone }) : deletePassOptIn(tx, session.id));
    const refusal = await recheckDiscount(tx, session, p.details.customerDetails.email, p.now);
    if (refusal) throw new DiscountRefused(refusal);
    const reserved = await reserveDiscount(tx, session, p.now);
    const intent = await updatePaymentIntentFields(tx, {
      accountId: claimed.accountId,
      id: claimed.id,
      // The saved card this attempt charges, or none (a new card or account is saved when the session completes).
      set: { reservedDiscount: reserved, paymentMethodId: saved?.id ?? null, ...(saved ? { card: saved.card } : {}) },
    });
    const updated = await updateSessionFields(tx, {
      accountId: session.accountId,
      id: session.id,
      set: { ...p.details, paymentIntentId: amount > 0 ? intent.id : null },
    });
    if (p.fingerprint)
      await recordCardAttempt(tx, { accountId: session.accountId, sessionId: session.id, fingerprint: p.fingerprint, now: p.now });
    return { session: updated, intent: { ...intent, attemptId } };
  });
}
