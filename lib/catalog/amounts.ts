import { invalidRequest } from '@/lib/api/errors';
import { currencyExponent, isSupportedCurrency } from '@/lib/money/currencies';

/**
 * Stripe charges three-decimal currencies (bhd, jod, kwd, omr, tnd) only in
 * whole hundredths, so their minor-unit amounts must end in 0.
 */
export function assertChargeableAmount(amount: number | string, currency: string, param: string): void {
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
