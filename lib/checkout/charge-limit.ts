import type { ApiError } from '@/lib/api/errors';
import { amountTooLarge } from '@/lib/catalog/amounts';
import { formatMaxChargeAmount } from '@/lib/money/limits';
import { AmountTooLargeError, type AmountCulprit } from '@/lib/pricing/amount-limit';

const MESSAGES = {
  total: (max: string) => `The Checkout Session's total amount due must be no more than ${max}.`,
  recurring: (max: string) => `The subscription's amount due each period must be no more than ${max}.`,
};

/**
 * Runs a pricing step for the API: a cart above the currency's limit becomes
 * Stripe's 400 `amount_too_large`, naming the parameter behind the line (or
 * shipping) that took it over, e.g. `line_items[0][quantity]`.
 */
export function withinChargeLimit<T>(
  currency: string,
  amount: keyof typeof MESSAGES,
  paramOf: (culprit: AmountCulprit) => string,
  compute: () => T,
): T {
  const rethrow = (err: unknown): never => {
    throw err instanceof AmountTooLargeError ? tooLarge(currency, amount, paramOf(err.culprit)) : err;
  };
  try {
    const out = compute();
    // A step that reads the database answers with a promise: its rejection is mapped the same way.
    return (out instanceof Promise ? out.catch(rethrow) : out) as T;
  } catch (err) {
    return rethrow(err);
  }
}

function tooLarge(currency: string, amount: keyof typeof MESSAGES, param: string): ApiError {
  return amountTooLarge(MESSAGES[amount](formatMaxChargeAmount(currency)), param);
}
