import { invalidRequest } from '@/lib/api/errors';

/**
 * Stripe's refusals of a capture or a cancel, in its words, for the PaymentIntents API, the Charges API's
 * capture and the dashboard alike.
 */

/** A capture of an intent that is not waiting for one. */
export const notCapturable = (status: string) =>
  invalidRequest(
    `This PaymentIntent could not be captured because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
    undefined,
    'payment_intent_unexpected_state',
  );

/** A capture after the authorization's 7 days. */
export const authorizationExpired = () =>
  invalidRequest(
    'This charge cannot be captured because its authorization has expired: a payment must be captured within 7 days of its authorization.',
    undefined,
    'charge_expired_for_capture',
  );

/** A capture of more than was authorized, on the parameter that asked for it (amount_to_capture, or the Charges API's amount). */
export const captureTooLarge = (param: 'amount_to_capture' | 'amount') =>
  invalidRequest(
    'The payment could not be captured because the requested capture amount is greater than the amount you can capture for this charge.',
    param,
    'amount_too_large',
  );

/** The Charges API's capture of a charge already captured. */
export const chargeAlreadyCaptured = (chargeId: string) =>
  invalidRequest(`Charge ${chargeId} has already been captured.`, undefined, 'charge_already_captured');

const CANCELABLE = 'requires_payment_method, requires_capture, requires_confirmation, requires_action, processing';

/** A cancel of an intent that can no longer be canceled. */
export const notCancelable = (status: string) =>
  invalidRequest(
    `You cannot cancel this PaymentIntent because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE}.`,
    undefined,
    'payment_intent_unexpected_state',
  );

/**
 * A Checkout Session's intent that is not waiting for capture: "You can directly cancel the PaymentIntent
 * for a Checkout Session only when the PaymentIntent has a status of requires_capture. Otherwise, you must
 * expire the Checkout Session" (API reference, Cancel a PaymentIntent). The first sentence is what Stripe
 * answers (quoted in stripe/stripe-dotnet#2429); the second says what to do instead.
 */
export const createdByCheckout = () =>
  invalidRequest(
    'You cannot perform this action on PaymentIntents created by Checkout. To stop this payment, expire its Checkout Session instead.',
  );
