import type { ChargeRow } from '@/db/queries/charges';
import { invalidRequest } from '@/lib/api/errors';
import { formatAmount } from '@/lib/money/format';

/**
 * Stripe's refusals of a refund, in its words (recorded from its test mode). Where Stripe sends no `code`
 * (an amount over what is left, a charge that never succeeded), neither does Caisse.
 */

export const neitherChargeNorIntent = () =>
  invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');

export const chargeNotOfIntent = (chargeId: string, intentId: string) =>
  invalidRequest(`Charge ${chargeId} does not belong to PaymentIntent ${intentId}.`, 'payment_intent');

/** A charge still pending (a SEPA debit the bank has not confirmed) or failed: there is no money to give back yet. */
export const noSuccessfulCharge = (intentId: string) =>
  invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`);

export const alreadyRefunded = (chargeId: string) =>
  invalidRequest(`Charge ${chargeId} has already been refunded.`, undefined, 'charge_already_refunded');

/** The bank already took the money back (a dispute open or lost): refunding it would pay the customer twice. */
export const chargeDisputed = (chargeId: string) =>
  invalidRequest(`Charge ${chargeId} has been charged back; cannot issue a refund.`, undefined, 'charge_disputed');

/** The API's schema says the same (int({ min: 1 })): said again here for callers that build the parameters themselves (the dashboard). */
export const amountNotPositive = () => invalidRequest('This value must be greater than or equal to 1 (amount).', 'amount');

/** Stripe formats both amounts as money in English: "Refund amount ($40.00) is greater than unrefunded amount on charge ($30.00)". */
export const amountOverRemaining = (charge: ChargeRow, amount: number, remaining: number) =>
  invalidRequest(
    `Refund amount (${formatAmount(amount, charge.currency, 'en')}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency, 'en')})`,
    'amount',
  );

/** An authorization is released whole; taking less is a capture for less. */
export const partialUncaptured = () =>
  invalidRequest(
    'You cannot partially refund an uncaptured charge. Instead, capture the charge for an amount less than the original amount',
    'amount',
  );

/** Stripe cancels only refunds waiting on the customer (requires_action). */
export const refundNotCancelable = () => invalidRequest('Canceling this refund is unsupported.');
