import { currencyExponent } from './currencies';
import { formatAmount } from './format';

/**
 * The largest amount Stripe charges in a currency, in minor units
 * (docs.stripe.com/currencies, "Maximum charge amounts"): the `amount` value has
 * at most 12 digits for IDR, 10 for COP, 9 for INR and 8 for every other currency.
 *
 * These are the limits for every payment method. Card payments alone may go
 * higher in some currencies, but a Checkout Session offers several methods, and
 * even JPY keeps 8 digits for cards Japanese accounts take (JCB, Diners Club,
 * Discover: 99,999,999 JPY), so zero-decimal currencies get no exception here.
 */
const MAX_DIGITS: Readonly<Record<string, number>> = { idr: 12, cop: 10, inr: 9 };
const DEFAULT_DIGITS = 8;

/** The largest limit of any currency: a bound zod can apply before the currency is known. */
export const MAX_AMOUNT_ANY_CURRENCY = 10 ** Math.max(DEFAULT_DIGITS, ...Object.values(MAX_DIGITS)) - 1;

/** 99_999_999 for usd, eur, jpy…; 999_999_999_999 for idr. Throws on a malformed code, like currencyExponent. */
export function maxChargeAmount(currency: string): number {
  currencyExponent(currency);
  return 10 ** (MAX_DIGITS[currency] ?? DEFAULT_DIGITS) - 1;
}

/** "$999,999.99", "¥99,999,999": the limit as Stripe's messages spell it. */
export function formatMaxChargeAmount(currency: string): string {
  return formatAmount(maxChargeAmount(currency), currency, 'en');
}
