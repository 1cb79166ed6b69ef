import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountTooLargeError } from './amount-limit';
import { computeTotals } from './compute-totals';
import {
  addMonths,
  computeRecurringTotals,
  discountAppliesAt,
  nextChargeAt,
  type CouponDuration,
  type RecurringPricingInput,
} from './recurring-totals';
import { pricingInput } from './test-arbitraries';
import { allAmounts, amountOff, line, percentOff, rate } from './test-builders';
import type { DiscountInput } from './types';

const unix = (iso: string) => Date.parse(iso) / 1000;
const START = unix('2025-01-31T10:00:00Z');
const MONTH_LATER = nextChargeAt(START, { interval: 'month', intervalCount: 1 }, null);

const forever: CouponDuration = { duration: 'forever', durationInMonths: null };
const once: CouponDuration = { duration: 'once', durationInMonths: null };
const repeating = (months: number): CouponDuration => ({ duration: 'repeating', durationInMonths: months });

const recurring = (p: Partial<RecurringPricingInput> & Pick<RecurringPricingInput, 'lines'>): RecurringPricingInput => ({
  currency: 'usd',
  discounts: [],
  startsAt: START,
  nextChargeAt: MONTH_LATER,
  ...p,
});

describe('computeRecurringTotals', () => {
  it('adds exclusive tax to the recurring amount', () => {
    const r = computeRecurringTotals(recurring({ lines: [line('plan', 1000, { quantity: 2, taxRates: [rate('vat', '20')] })] }));
    expect(r.amountTotal).toBe(2400);
    expect(r.amountTax).toBe(400);
  });

  it('keeps inclusive tax inside the amount', () => {
    const r = computeRecurringTotals(recurring({ lines: [line('plan', 1200, { taxRates: [rate('vat', '20', true)] })] }));
    expect(r.amountTotal).toBe(1200);
    expect(r.amountTax).toBe(200);
  });

  it('takes off a forever coupon, before tax', () => {
    const r = computeRecurringTotals(
      recurring({ lines: [line('plan', 1000, { taxRates: [rate('vat', '20')] })], discounts: [{ ...percentOff('co', '50'), ...forever }] }),
    );
    expect(r.amountDiscount).toBe(500);
    expect(r.amountTotal).toBe(600);
  });

  it('leaves out a once coupon: it was spent on the first invoice', () => {
    const r = computeRecurringTotals(recurring({ lines: [line('plan', 1000)], discounts: [{ ...amountOff('co', 300), ...once }] }));
    expect(r.amountDiscount).toBe(0);
    expect(r.amountTotal).toBe(1000);
  });

  it('takes off a repeating coupon while its months last', () => {
    const plan = [line('plan', 1000)];
    const discounts = (months: number): (DiscountInput & CouponDuration)[] => [{ ...amountOff('co', 300), ...repeating(months) }];
    expect(computeRecurringTotals(recurring({ lines: plan, discounts: discounts(3) })).amountTotal).toBe(700);
    // One month from the start is the end of a one-month coupon: the second invoice pays in full.
    expect(computeRecurringTotals(recurring({ lines: plan, discounts: discounts(1) })).amountTotal).toBe(1000);
  });

  it('is subject to the currency limit like any total', () => {
    expect(() => computeRecurringTotals(recurring({ lines: [line('plan', 99_999_999, { quantity: 2 })] }))).toThrow(AmountTooLargeError);
  });

  it('is the totals of the same lines with the discounts that still apply (property)', () => {
    const duration = fc.constantFrom<CouponDuration>(once, forever, repeating(1), repeating(6), repeating(36));
    fc.assert(
      fc.property(
        pricingInput,
        fc.array(duration, { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 1, max: 24 }),
        (input, durations, months) => {
          const startsAt = START;
          const at = nextChargeAt(startsAt, { interval: 'month', intervalCount: months }, null);
          const discounts = input.discounts.map((d, i) => ({ ...d, ...(durations[i] ?? forever) }));
          const expected = (() => {
            try {
              return computeTotals({ ...input, shipping: null, discounts: discounts.filter((d) => discountAppliesAt(d, startsAt, at)) });
            } catch (err) {
              if (err instanceof AmountTooLargeError) return null;
              throw err;
            }
          })();
          fc.pre(expected !== null);
          const r = computeRecurringTotals({ currency: input.currency, lines: input.lines, discounts, startsAt, nextChargeAt: at });
          expect(r).toEqual(expected);
          for (const amount of allAmounts(r)) expect(Number.isSafeInteger(amount)).toBe(true);
          expect(r.amountShipping).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
    // CPU-bound: a bound for a busy machine, not a speed assertion.
  }, 60_000);
});

describe('discountAppliesAt', () => {
  it.each<[string, CouponDuration, string, boolean]>([
    ['forever, years later', forever, '2030-01-01T00:00:00Z', true],
    ['once, a month later', once, '2025-02-28T10:00:00Z', false],
    ['repeating 3 months, 2 months later', repeating(3), '2025-03-31T10:00:00Z', true],
    ['repeating 3 months, exactly 3 months later', repeating(3), '2025-04-30T10:00:00Z', false],
    ['repeating 12 months, a year later', repeating(12), '2026-01-31T10:00:00Z', false],
    ['repeating 13 months, a year later', repeating(13), '2026-01-31T10:00:00Z', true],
  ])('%s → %s', (_, coupon, at, applies) => {
    expect(discountAppliesAt(coupon, START, unix(at))).toBe(applies);
  });

  it('refuses a repeating coupon without its months', () => {
    expect(() => discountAppliesAt({ duration: 'repeating', durationInMonths: null }, START, START)).toThrow(RangeError);
  });
});

describe('nextChargeAt and addMonths', () => {
  it('moves by calendar months, to the end of shorter months', () => {
    expect(addMonths(START, 1)).toBe(unix('2025-02-28T10:00:00Z'));
    expect(addMonths(unix('2024-01-31T00:00:00Z'), 1)).toBe(unix('2024-02-29T00:00:00Z'));
    expect(addMonths(START, 12)).toBe(unix('2026-01-31T10:00:00Z'));
  });

  it('is one interval on, or the trial end', () => {
    expect(nextChargeAt(START, { interval: 'day', intervalCount: 3 }, null)).toBe(START + 3 * 86_400);
    expect(nextChargeAt(START, { interval: 'week', intervalCount: 2 }, null)).toBe(START + 14 * 86_400);
    expect(nextChargeAt(START, { interval: 'year', intervalCount: 1 }, null)).toBe(unix('2026-01-31T10:00:00Z'));
    expect(nextChargeAt(START, { interval: 'month', intervalCount: 1 }, START + 7 * 86_400)).toBe(START + 7 * 86_400);
  });
});
