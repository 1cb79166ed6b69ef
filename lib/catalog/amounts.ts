import { ApiError, invalidRequest } from '@/lib/api/errors';
import { currencyExponent, isSupportedCurrency } from '@/lib/money/currencies';
import { parseDecimal } from '@/lib/money/decimal';
import { formatMaxChargeAmount, maxChargeAmount } from '@/lib/money/limits';

/** Stripe's error for an amount above what its currency can be charged. */
export const amountTooLarge = (message: string, param: string) =>
  new ApiError({ status: 400, type: 'invalid_request_error', code: 'amount_too_large', message, param });

/** Refuses an amount (minor units, integer or decimal string) above the currency's maximum charge. */
export function assertAmountWithinLimit(amount: number | string, currency: string, param: string): void {
  const { num, den } = parseDecimal(String(amount));
  if (num <= BigInt(maxChargeAmount(currency)) * den) return;
  throw amountTooLarge(
    `Amount must be no more than ${formatMaxChargeAmount(currency)} (${maxChargeAmount(currency)} in ${currency}'s minor units): got ${amount}.`,
    param,
  );
}

/**
 * An amount Stripe can charge: at most the currency's maximum, and, for the
 * three-decimal currencies (bhd, jod, kwd, omr, tnd), which Stripe charges only
 * in whole hundredths, ending in 0.
 */
export function assertChargeableAmount(amount: number | string, currency: string, param: string): void {
  assertAmountWithinLimit(amount, currency, param);
  if (currencyExponent(currency) !== 3) return;
  if (!/^\d*0$/.test(String(amount)))
    throw invalidRequest(
      `Amounts in ${currency.toUpperCase()} must be divisible by 10 (${currency.toUpperCase()} is charged in steps of 0.010): got ${amount}.`,
      param,
    );
}

/** A `currency_options` key, normalised to lowercase; it must differ from the object's own currency. */
export function currencyOptionKey(key: string, own: string | null, param: string): string {
  const cur = key.toLowerCase();
  if (!isSupportedCurrency(cur)) throw invalidRequest(`Invalid currency: ${key} is not a supported three-letter ISO currency code.`, param);
  if (cur === own) throw invalidRequest(`currency_options cannot include ${cur}, the object's own currency.`, param);
  return cur;
}

/** `default_price_data` + `currency_options[eur]` → `default_price_data[currency_options][eur]`. */
export const nestedParam = (prefix: string) => (param: string) => param.replace(/^([^[]+)/, `${prefix}[$1]`);
