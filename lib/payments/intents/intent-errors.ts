import { ApiError, invalidRequest } from '@/lib/api/errors';

/** Stripe's refusals around confirming a payment intent made through the API, each written once. */

export const cannotConfirm = (status: string) =>
  invalidRequest(
    `You cannot confirm this PaymentIntent because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_payment_method, requires_confirmation.`,
    undefined,
    'payment_intent_unexpected_state',
  );

export const missingPaymentMethod = () =>
  invalidRequest(
    "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, provide a payment_method.",
    'payment_method',
    'parameter_missing',
  );

/** Intents of a Checkout Session or an invoice are confirmed by their page or their invoice, never here. */
export const managedElsewhere = (owner: string) =>
  invalidRequest(
    `This PaymentIntent belongs to ${owner} and is confirmed there, not through the API.`,
    undefined,
    'payment_intent_unexpected_state',
  );

export const offSessionNeedsConfirm = () => invalidRequest('off_session can only be used when confirm=true.', 'off_session');

/** A method saved to a customer is that customer's: an intent without a customer cannot use it. */
export const needsItsCustomer = (id: string) =>
  invalidRequest(`The provided PaymentMethod ${id} is attached to a customer: pass that customer as customer to use it.`, 'payment_method');

/** Stripe's rule: a method used once without a customer, or detached from one, is spent. */
export const methodSpent = () =>
  invalidRequest(
    'The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, or was detached from a Customer. It may not be used again.',
    'payment_method',
  );

/** error_on_requires_action=true: a payment that needs its customer fails instead. */
export const requiresActionNotHandled = (paymentIntent: object) =>
  new ApiError({
    status: 402,
    type: 'card_error',
    code: 'authentication_required',
    message: 'This payment required an authentication action to complete, but `error_on_requires_action` was set.',
    paymentIntent,
  });
