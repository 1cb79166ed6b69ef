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
import { lockSessionById } from '@/db/queries/public-session';
import { PASS_CARD, passOffered, passPaymentMethod } from '@/lib/pass/pass-checkout';
import { signedInPass } from '@/lib/pass/pass-sign-in';
import { newId } from '@/lib/util/ids';
import type { StoredTaxInputs } from '@/db/schema/checkout-json';
import { sameTaxInputs, setTaxInputs, shownCurrencyOf, shownTotalOf } from './tax-inputs';
import { presentmentDetails } from './adaptive-pricing';
import { recordCardAttempt } from './card-testing';
import type { collectedDetails } from './collected-details';
import { collectsPaymentMethod, completeResult } from './confirm-config';
import type { ConfirmResult } from './confirm-payment';
import { DiscountRefused, reserveDiscount } from './discount-reservation';
import { notPayable } from './payment-state';
import { recheckDiscount } from './recheck-discount';
import { stillOffered } from './saved-cards';

// T1 of the payment state machine (payment-state.ts), taken out of confirm-payment.ts: the one transaction that
// claims a session's payment attempt before anything is charged.

/** The answer for a session that takes no payment now, or null when it does. */
export function settledResult(session: SessionRow, now: Date): ConfirmResult | null {
  const closed = notPayable(session, now);
  if (closed === 'complete') return completeResult(session);
  return closed ? { state: 'closed', status: 'expired' } : null;
}

/** A claimed attempt: the session as T1 left it, and its intent holding the attempt. */
export type Claimed = { session: SessionRow; intent: PaymentIntentRow & { attemptId: string } };

/**
 * T1: on the locked, payable session, store what was collected, take the intent for a new attempt
 * and reserve the discount's redemption — all or nothing. Throws DiscountRefused (rolling it all
 * back) when the discount ran out or stopped applying since it was applied, and AmountTooLargeError
 * when the session, priced for the address posted, costs more than one payment can be.
 */
export async function claimAttempt(
  db: Db,
  p: {
    sessionId: string;
    details: ReturnType<typeof collectedDetails> & { savePaymentMethod: boolean };
    fingerprint: string | null;
    withoutMethod: boolean;
    savedCard: string | null;
    passToken: string | null;
    passPhone: string | null;
    /** What decides automatic tax, as the form gave it (collected-details.ts taxInputsOf). */
    taxInputs: StoredTaxInputs;
    /** The total (and currency) the page showed when the customer paid (shownTotalOf), or null when not posted. */
    shownTotal: string | null;
    now: Date;
  },
): Promise<Claimed | ConfirmResult> {
  return db.transaction(async (tx): Promise<Claimed | ConfirmResult> => {
    let session = await lockSessionById(tx, p.sessionId);
    if (!session) return { state: 'closed', status: 'not_found' };
    const done = settledResult(session, p.now);
    if (done) return done;
    // The form was checked against the session as it was read; under the lock, something may be due now
    // (an item added meanwhile): a form without a payment method no longer completes it.
    if (p.withoutMethod && collectsPaymentMethod(session)) return { state: 'invalid', errors: { method: 'method.invalid' } };
    // Automatic tax: what is charged is what was shown for this address and tax ID. Priced for others (the page was not
    // told of a change), the session is repriced for these and the customer sees the new total before paying it.
    // Adaptive pricing likewise: the currency shown follows the country, and is the one reported as paid in.
    if ((session.automaticTax.enabled || session.adaptivePricing.enabled) && !sameTaxInputs(session.automaticTax.inputs, p.taxInputs)) {
      const repriced = await setTaxInputs(tx, session, p.taxInputs);
      const currencyChanged = shownCurrencyOf(repriced) !== shownCurrencyOf(session);
      const totalChanged = repriced.amountTotal !== session.amountTotal;
      // A new currency says so (its total is new too); otherwise the tax changed the total.
      if (totalChanged || currencyChanged) return { state: 'refused', reason: currencyChanged ? 'currency_updated' : 'tax_updated' };
      session = repriced;
    }
    if (session.automaticTax.enabled || session.adaptivePricing.enabled) {
      // The page the customer paid from showed a total (and currency) that must still be the session's: a change
      // priced meanwhile (the address typed a moment before Pay) is shown before anything is charged.
      if (p.shownTotal !== null && p.shownTotal !== shownTotalOf(session))
        return { state: 'refused', reason: session.automaticTax.enabled ? 'tax_updated' : 'currency_updated' };
      // Automatic tax charges nothing before it knows where the customer is (a US state, a Canadian province).
      if (session.automaticTax.enabled && session.automaticTax.status !== 'complete')
        return {
          state: 'invalid',
          errors: p.taxInputs.location ? { 'billing.state': 'address.state.required' } : { 'billing.country': 'address.country.required' },
        };
    }
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
    // An earlier attempt's intent takes the session's amount and currency as they are now (adaptive pricing may have
    // priced the session in the customer's currency since).
    const claimed = await claimPaymentAttempt(tx, { id: intentId, amount, currency: session.currency, attemptId, now: p.now });
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
      set: {
        reservedDiscount: reserved,
        paymentMethodId: saved?.id ?? null,
        ...(saved ? { card: saved.card } : {}),
        presentmentDetails: presentmentDetails(session),
      },
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
