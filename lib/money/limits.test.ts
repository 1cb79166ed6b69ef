import { describe, expect, it } from 'vitest';
import { formatMaxChargeAmount, MAX_AMOUNT_ANY_CURRENCY, maxChargeAmount } from './limits';

describe('maxChargeAmount', () => {
  it.each([
    ['usd', 99_999_999],
    ['eur', 99_999_999],
    ['jpy', 99_999_999],
    ['kwd', 99_999_999],
    ['idr', 999_999_999_999],
    ['cop', 9_999_999_999],
    ['inr', 999_999_999],
  ])('%s charges at most %d minor units', (currency, max) => {
    expect(maxChargeAmount(currency)).toBe(max);
  });

  it('is a safe integer, and never above the bound zod applies', () => {
    for (const c of ['usd', 'idr', 'cop', 'inr', 'jpy']) {
      expect(Number.isSafeInteger(maxChargeAmount(c))).toBe(true);
      expect(maxChargeAmount(c)).toBeLessThanOrEqual(MAX_AMOUNT_ANY_CURRENCY);
    }
    expect(MAX_AMOUNT_ANY_CURRENCY).toBe(999_999_999_999);
  });

  it('refuses a malformed currency instead of guessing', () => {
    expect(() => maxChargeAmount('USD')).toThrow(RangeError);
  });

  it('is spelled the way Stripe spells it in messages', () => {
    expect(formatMaxChargeAmount('usd')).toBe('$999,999.99');
    expect(formatMaxChargeAmount('jpy')).toBe('¥99,999,999');
  });
});
