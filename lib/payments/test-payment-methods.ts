import type { CardInput } from './processor';

/**
 * Stripe's test payment methods (`pm_card_visa`, `pm_card_chargeDeclined`, …): ids a merchant may pass in
 * test mode wherever a payment method is taken (attach, a PaymentIntent, a customer), each standing for one
 * test card. Each use makes a new payment method from the card, as Stripe's do; the number lives only in this
 * table and in the call to the processor.
 */
const TEST_PAYMENT_METHODS: Readonly<Record<string, string>> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_debit: '4000056655665556',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeDeclinedLostCard: '4000000000009987',
  pm_card_chargeDeclinedStolenCard: '4000000000009979',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
  pm_card_chargeDeclinedProcessingError: '4000000000000119',
  pm_card_chargeCustomerFail: '4000000000000341',
  pm_card_authenticationRequiredOnSetup: '4000002500003155',
  pm_card_authenticationRequired: '4000002760003184',
  pm_card_authenticationRequiredChargeDeclinedInsufficientFunds: '4000008260003178',
  pm_card_threeDSecure2Required: '4000000000003220',
  pm_card_threeDSecureOptional: '4000000000003055',
  pm_card_refundFail: '4000000000005126',
  pm_card_createDispute: '4000000000000259',
};

/** The card a test payment method stands for (valid for three more years), or null when `id` is not one. */
export function testPaymentMethodCard(id: string, now = new Date()): CardInput | null {
  if (!Object.hasOwn(TEST_PAYMENT_METHODS, id)) return null;
  return { number: TEST_PAYMENT_METHODS[id], expMonth: 12, expYear: now.getUTCFullYear() + 3, cvc: '123', name: '' };
}
