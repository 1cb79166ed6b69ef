import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountTooLargeError } from './amount-limit';
import { computeTotals } from './compute-totals';
import { pricingInput } from './test-arbitraries';
import { allAmounts } from './test-builders';
import type { LineResult, PricingInput, PricingResult, TaxAmount } from './types';

const NUM_RUNS = 300;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const exclusiveTax = (taxes: readonly TaxAmount[]): number => sum(taxes.filter((t) => !t.inclusive).map((t) => t.amount));
const lineExclusiveTax = (lines: readonly LineResult[]): number => sum(lines.map((l) => exclusiveTax(l.taxes)));

/** The totals of a cart, or null when it is above its currency's limit (compute-totals-limit.test.ts covers those). */
function totalsWithinLimit(input: PricingInput): PricingResult | null {
  try {
    return computeTotals(input);
  } catch (err) {
    if (err instanceof AmountTooLargeError) return null;
    throw err;
  }
}

/** Runs `check` on NUM_RUNS random carts that fit their currency's limit. */
const forAllCarts = (check: (result: PricingResult, input: PricingInput) => void): void => {
  fc.assert(
    fc.property(pricingInput, (input) => {
      const result = totalsWithinLimit(input);
      fc.pre(result !== null);
      check(result, input);
    }),
    { numRuns: NUM_RUNS },
  );
};

// CPU-bound properties: a bound for a busy machine, not a speed assertion.
describe('computeTotals — invariants over random carts', { timeout: 60_000 }, () => {
  it('amountTotal = subtotal − discount + exclusive line tax + shipping total', () => {
    forAllCarts((r) => {
      expect(r.amountTotal).toBe(r.amountSubtotal - r.amountDiscount + lineExclusiveTax(r.lines) + (r.shipping?.amountTotal ?? 0));
    });
  });

  it('line figures add up to the session figures', () => {
    forAllCarts((r) => {
      expect(sum(r.lines.map((l) => l.amountSubtotal))).toBe(r.amountSubtotal);
      expect(sum(r.lines.map((l) => l.amountDiscount))).toBe(r.amountDiscount);
      expect(sum(r.lines.map((l) => l.amountTax)) + (r.shipping?.amountTax ?? 0)).toBe(r.amountTax);
      expect(sum(r.lines.map((l) => l.amountTotal)) + (r.shipping?.amountTotal ?? 0)).toBe(r.amountTotal);
      expect(r.amountShipping).toBe(r.shipping?.amountSubtotal ?? 0);
    });
  });

  it('each line and the shipping block are internally consistent', () => {
    forAllCarts((r) => {
      for (const l of r.lines) {
        expect(l.amountDiscount).toBeLessThanOrEqual(l.amountSubtotal);
        expect(sum(l.discounts.map((d) => d.amount))).toBe(l.amountDiscount);
        expect(sum(l.taxes.map((t) => t.amount))).toBe(l.amountTax);
        expect(l.amountTotal).toBe(l.amountSubtotal - l.amountDiscount + exclusiveTax(l.taxes));
      }
      if (r.shipping !== null) {
        expect(sum(r.shipping.taxes.map((t) => t.amount))).toBe(r.shipping.amountTax);
        expect(r.shipping.amountTotal).toBe(r.shipping.amountSubtotal + exclusiveTax(r.shipping.taxes));
      }
    });
  });

  it('breakdown sums equal the totals', () => {
    forAllCarts((r) => {
      expect(sum(r.breakdown.discounts.map((d) => d.amount))).toBe(r.amountDiscount);
      expect(sum(r.breakdown.taxes.map((t) => t.amount))).toBe(r.amountTax);
      const keys = r.breakdown.taxes.map((t) => `${t.rateId}/${t.inclusive}`);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });

  it('every amount is a non-negative integer', () => {
    forAllCarts((r) => {
      for (const amount of allAmounts(r)) {
        expect(Number.isSafeInteger(amount)).toBe(true);
        expect(amount).toBeGreaterThanOrEqual(0);
      }
    });
  });

  it('an amount-off coupon alone takes min(amountOff, eligible subtotal)', () => {
    forAllCarts((r, input) => {
      const [first] = input.discounts;
      if (input.discounts.length !== 1 || first.amountOff == null) return;
      const eligible = input.lines.filter((l) => first.appliesToProducts?.includes(l.productId) ?? true).map((l) => l.key);
      const eligibleSubtotal = sum(r.lines.filter((l) => eligible.includes(l.key)).map((l) => l.amountSubtotal));
      expect(r.amountDiscount).toBe(Math.min(first.amountOff, eligibleSubtotal));
    });
  });

  it('lines without exclusive rates total exactly their discounted amount', () => {
    forAllCarts((r, input) => {
      r.lines.forEach((l, i) => {
        if (input.lines[i]?.taxRates.some((t) => !t.inclusive)) return;
        expect(l.amountTotal).toBe(l.amountSubtotal - l.amountDiscount);
      });
    });
  });

  it('exercises discounts, both tax kinds and shipping tax (guards against a degenerate generator)', () => {
    const seen = { discount: 0, inclusive: 0, exclusive: 0, shippingTax: 0 };
    forAllCarts((r) => {
      const taxes = r.breakdown.taxes.filter((t) => t.amount > 0);
      if (r.amountDiscount > 0) seen.discount += 1;
      if (taxes.some((t) => t.inclusive)) seen.inclusive += 1;
      if (taxes.some((t) => !t.inclusive)) seen.exclusive += 1;
      if ((r.shipping?.amountTax ?? 0) > 0) seen.shippingTax += 1;
    });
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(NUM_RUNS / 10);
  });
});
