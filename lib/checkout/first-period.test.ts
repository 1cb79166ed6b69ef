import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { checkBillingCycleAnchor, firstPeriodShare, shareOfAmount } from './first-period';
import type { PricedLine } from './pricing-input';

const MONTHLY = { interval: 'month' as const, intervalCount: 1 };
const DAY = 86_400;
const at = (iso: string) => new Date(iso);
const unixOf = (iso: string) => Date.parse(iso) / 1000;

describe('firstPeriodShare: what today’s invoice charges of a recurring price', () => {
  it('a trial → nothing; no anchor → a full period (null)', () => {
    expect(firstPeriodShare({ trial_period_days: 7 }, MONTHLY, at('2031-03-10T00:00:00Z'))).toEqual({ seconds: 0, of: 1 });
    expect(firstPeriodShare({}, MONTHLY, at('2031-03-10T00:00:00Z'))).toBeNull();
    expect(firstPeriodShare(null, MONTHLY, at('2031-03-10T00:00:00Z'))).toBeNull();
  });

  it('an anchor on the 20th, bought on the 10th of March → the 10 days left of the 28-day period Feb 20 – Mar 20', () => {
    const share = firstPeriodShare({ billing_cycle_anchor: unixOf('2031-03-20T00:00:00Z') }, MONTHLY, at('2031-03-10T00:00:00Z'));
    expect(share).toEqual({ seconds: 10 * DAY, of: 28 * DAY });
  });

  it('an anchor with proration_behavior=none → nothing until the anchor', () => {
    const data = { billing_cycle_anchor: unixOf('2031-03-20T00:00:00Z'), proration_behavior: 'none' };
    expect(firstPeriodShare(data, MONTHLY, at('2031-03-10T00:00:00Z'))).toEqual({ seconds: 0, of: 1 });
  });
});

describe('shareOfAmount', () => {
  it('€9.00 for 10 of 28 days → 321.428571428571 cents; a decimal price scales the same way', () => {
    expect(shareOfAmount({ unitAmount: 900, unitAmountDecimal: null }, { seconds: 10 * DAY, of: 28 * DAY })).toBe('321.428571428571');
    expect(shareOfAmount({ unitAmount: null, unitAmountDecimal: '12.5' }, { seconds: 1, of: 2 })).toBe('6.250000000000');
    expect(shareOfAmount({ unitAmount: 900, unitAmountDecimal: null }, { seconds: 0, of: 5 })).toBe('0.000000000000');
  });

  it('never more than the full amount, and the exact share rounded down at the twelfth decimal place', () => {
    const shares = fc.integer({ min: 1, max: 31 * DAY }).chain((of) => fc.tuple(fc.integer({ min: 0, max: of }), fc.constant(of)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), shares, (amount, [seconds, of]) => {
        const text = shareOfAmount({ unitAmount: amount, unitAmountDecimal: null }, { seconds, of });
        const scaled = BigInt(text.replace('.', ''));
        const exact = BigInt(amount) * 10n ** 12n * BigInt(seconds);
        // scaled = floor(exact / of)
        expect(scaled * BigInt(of) <= exact && exact < (scaled + 1n) * BigInt(of)).toBe(true);
        expect(scaled <= BigInt(amount) * 10n ** 12n).toBe(true);
      }),
    );
  });
});

describe('checkBillingCycleAnchor', () => {
  const monthly = [{ price: { recurring: { interval: 'month', interval_count: 1 } } }] as unknown as PricedLine[];
  it('an anchor past the next natural billing date → Stripe’s 400 on subscription_data[billing_cycle_anchor]', () => {
    const now = at('2031-03-10T00:00:00Z');
    expect(() => {
      checkBillingCycleAnchor('subscription', { billing_cycle_anchor: unixOf('2031-04-10T00:00:00Z') }, monthly, now);
    }).not.toThrow();
    let error: unknown;
    try {
      checkBillingCycleAnchor('subscription', { billing_cycle_anchor: unixOf('2031-04-10T00:00:01Z') }, monthly, now);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, param: 'subscription_data[billing_cycle_anchor]' });
    expect((error as ApiError).message).toBe(
      `billing_cycle_anchor cannot be later than next natural billing date (${unixOf('2031-04-10T00:00:00Z')}) for plan`,
    );
  });
});
