import type { Db } from '@/db/client';
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
import { PASS_CARD, passOffered } from '@/lib/pass/pass-checkout';
import { signedInPass } from '@/lib/pass/pass-sign-in';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { makeConfirmSchema } from '@/lib/validation/checkout-page';
import { cardTestingDemand, cardTestingSignals } from './card-testing';
import { collectedDetails, taxInputsOf } from './collected-details';
import { findCustomer } from '@/db/queries/customers';
import { AmountTooLargeError } from '@/lib/pricing/amount-limit';
import { presentmentDetails } from './adaptive-pricing';
import { completeSession } from './complete-session';
import { completeResult, confirmConfigFor } from './confirm-config';
import { DiscountRefused } from './discount-reservation';
import { refuseDiscount } from './refuse-discount';
import { runAttempt } from './run-attempt';
import { savedCardsFor } from './saved-cards';
import { startSepaDebit } from './sepa-debit';
import { claimAttempt, settledResult, type Claimed } from './claim-attempt';
import { recognizeTaxId } from '@/lib/tax-ids/recognize-tax-id';
import { serverAddressRules } from '@/lib/addresses/address-rules';

export type ConfirmResult =
  | { state: 'complete'; redirectUrl: string | null; embedded: boolean }
  | { state: 'requires_action' }
  | { state: 'declined'; message: DeclineMessageKey }
  | { state: 'invalid'; errors: Record<string, string> }
  | { state: 'closed'; status: 'expired' | 'not_found' }
  | {
      state: 'refused';
      reason: 'too_many_attempts' | 'rate_limited' | 'in_progress' | 'challenge_failed' | 'tax_updated' | 'currency_updated';
    };

/** The pay form's `shown_total` (tax-inputs.ts shownTotalOf), or null when the post has none. */
function shownTotalPosted(form: unknown): string | null {
  const value = (form as { shown_total?: unknown } | null)?.shown_total;
  return typeof value === 'string' ? value : null;
}

/** Card attempts allowed per client (its socket address, or the address a trusted proxy reports) across sessions. */
export const CLIENT_CARD_LIMIT = { attempts: 30, windowSeconds: 600 };

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of issues) errors[i.path.map(String).join('.')] ??= i.message;
  return errors;
}

/** The fingerprint card testing counts: null for a number that is no card (the processor declines it). */
function fingerprintOf(number: string): string | null {
  const digits = normalizeCardNumber(number);
  return digits && luhnValid(digits) ? cardFingerprint(digits, fingerprintSecret()) : null;
}

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
    (country, typed) => recognizeTaxId(country, typed) !== null,
    serverAddressRules,
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

  const customer = found.customerId ? await findCustomer(db, { accountId: found.accountId, id: found.customerId }) : null;
  const details = collectedDetails(found, parsed.data, customer?.taxExempt);
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
      taxInputs: taxInputsOf(found, parsed.data),
      shownTotal: shownTotalPosted(p.form),
      now,
    });
  } catch (err) {
    if (err instanceof DiscountRefused) return refuseDiscount(db, p.sessionId, err.refusal, now);
    // Priced for where the customer is now (automatic tax, their currency), the cart costs more than one payment
    // can be: nothing was written, and the page says so.
    if (err instanceof AmountTooLargeError) return { state: 'invalid', errors: { cart: 'amount_too_large' } };
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
        // Adaptive pricing: the card pays what the customer was shown, in their currency.
        amount: presentmentDetails(session)?.presentment_amount ?? intent.amount,
        currency: presentmentDetails(session)?.presentment_currency ?? session.currency ?? 'usd',
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
