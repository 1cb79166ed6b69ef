import type { StoredPaymentError } from '@/db/schema';
import type { Decline } from './processor';

/**
 * Stripe's declines as its API reports them (code, decline_code, English
 * message), so API clients see the same error objects they would from Stripe,
 * and the translation keys the hosted page shows the customer instead.
 */

export const STRIPE_DECLINES = {
  generic_decline: { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  insufficient_funds: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  lost_card: { code: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' },
  stolen_card: { code: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' },
  expired_card: { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' },
  incorrect_cvc: { code: 'incorrect_cvc', declineCode: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  processing_error: {
    code: 'processing_error',
    declineCode: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  // Refused before reaching an issuer, so there is no decline code.
  incorrect_number: { code: 'incorrect_number', declineCode: null, message: 'Your card number is incorrect.' },
  authentication_failure: {
    code: 'payment_intent_authentication_failure',
    declineCode: null,
    message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
  },
  // A saved card charged without the customer, whose bank asks for 3-D Secure: the customer must pay on-session.
  authentication_required: {
    code: 'authentication_required',
    declineCode: 'authentication_required',
    message: 'Your card was declined. This transaction requires authentication.',
  },
  test_mode_live_card: {
    code: 'card_declined',
    declineCode: 'test_mode_live_card',
    message:
      'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
  },
} as const satisfies Record<string, Decline>;

export type StripeDeclineName = keyof typeof STRIPE_DECLINES;

export const DECLINE_MESSAGE_KEYS = [
  'decline.generic',
  'decline.insufficient_funds',
  'decline.expired_card',
  'decline.incorrect_cvc',
  'decline.processing_error',
  'decline.incorrect_number',
  'decline.authentication_failed',
  'card.test_mode_only',
] as const;
export type DeclineMessageKey = (typeof DECLINE_MESSAGE_KEYS)[number];

const BY_DECLINE_CODE: Partial<Record<string, DeclineMessageKey>> = {
  insufficient_funds: 'decline.insufficient_funds',
  // Lost and stolen read as a plain decline on purpose, as on Stripe: telling
  // whoever holds the card that it was reported would help a thief.
  lost_card: 'decline.generic',
  stolen_card: 'decline.generic',
  test_mode_live_card: 'card.test_mode_only',
};

const BY_CODE: Partial<Record<string, DeclineMessageKey>> = {
  expired_card: 'decline.expired_card',
  incorrect_cvc: 'decline.incorrect_cvc',
  processing_error: 'decline.processing_error',
  incorrect_number: 'decline.incorrect_number',
  payment_intent_authentication_failure: 'decline.authentication_failed',
};

/** The key the checkout page translates for a decline; unknown codes fall back to the generic one. */
export function declineMessageKey(decline: Decline): DeclineMessageKey {
  return (decline.declineCode !== null ? BY_DECLINE_CODE[decline.declineCode] : undefined) ?? BY_CODE[decline.code] ?? 'decline.generic';
}

/** A decline as a payment intent's last_payment_error (Stripe's card_error). */
export const storedPaymentError = (decline: Decline): StoredPaymentError => ({
  type: 'card_error',
  code: decline.code,
  decline_code: decline.declineCode,
  message: decline.message,
});
