import { describe, expect, it } from 'vitest';
import { computeTotals } from './compute-totals';
import { amountOff, cart, line, percentOff } from './test-builders';

const lineDiscounts = (result: ReturnType<typeof computeTotals>) => result.lines.map((l) => l.amountDiscount);

describe('computeTotals — discounts', () => {
  it('spreads an amount-off coupon over lines by largest remainder', () => {
    const result = computeTotals(cart([line('a', 300), line('b', 500), line('c', 200)], [amountOff('co_7', 7)]));
    // Shares 2.1, 3.5, 1.4 → 2, 4, 1.
    expect(lineDiscounts(result)).toEqual([2, 4, 1]);
    expect(result.amountDiscount).toBe(7);
    expect(result.amountTotal).toBe(993);
    expect(result.breakdown.discounts).toEqual([{ amount: 7, couponId: 'co_7', promotionCodeId: null }]);
  });

  it('gives a tied remainder to the earlier line', () => {
    const result = computeTotals(cart([line('a', 1000), line('b', 1000), line('c', 1000)], [amountOff('co_100', 100)]));
    expect(lineDiscounts(result)).toEqual([34, 33, 33]);
  });

  it('caps an amount-off coupon at the eligible subtotal', () => {
    const result = computeTotals(cart([line('a', 300), line('b', 500), line('c', 200)], [amountOff('co_big', 5000)]));
    expect(lineDiscounts(result)).toEqual([300, 500, 200]);
    expect([result.amountDiscount, result.amountTotal]).toEqual([1000, 0]);
    expect(result.breakdown.discounts).toEqual([{ amount: 1000, couponId: 'co_big', promotionCodeId: null }]);
  });

  it('only discounts products the coupon applies to', () => {
    const result = computeTotals(
      cart(
        [line('a', 2000, { productId: 'prod_a' }), line('b', 3000, { productId: 'prod_b' })],
        [percentOff('co_b10', '10', { appliesToProducts: ['prod_b'] }), amountOff('co_a500', 500, { appliesToProducts: ['prod_a'] })],
      ),
    );
    expect(result.lines.map((l) => l.discounts)).toEqual([
      [{ amount: 500, couponId: 'co_a500', promotionCodeId: null }],
      [{ amount: 300, couponId: 'co_b10', promotionCodeId: null }],
    ]);
    expect([result.amountDiscount, result.amountTotal]).toEqual([800, 4200]);
  });

  it('restricts amount-off allocation to eligible lines only', () => {
    const result = computeTotals(
      cart(
        [line('a', 1000, { productId: 'prod_a' }), line('b', 1000, { productId: 'prod_b' }), line('c', 3000, { productId: 'prod_b' })],
        [amountOff('co_b', 1001, { appliesToProducts: ['prod_b'] })],
      ),
    );
    // 1001 over 1000:3000 → 250.25 and 750.75 → 250, 751.
    expect(lineDiscounts(result)).toEqual([0, 250, 751]);
    expect(result.lines[0]?.discounts).toEqual([]);
  });

  it('discounts nothing when no line is eligible', () => {
    const result = computeTotals(cart([line('a', 1000)], [amountOff('co_x', 500, { appliesToProducts: ['prod_x'] })]));
    expect([result.amountDiscount, result.amountTotal]).toEqual([0, 1000]);
    expect(result.breakdown.discounts).toEqual([]);
  });

  it('applies several discounts in order, each to what is left', () => {
    const amountThenPercent = computeTotals(cart([line('a', 1000)], [amountOff('co_300', 300), percentOff('co_10', '10')]));
    expect(amountThenPercent.lines[0]?.discounts.map((d) => d.amount)).toEqual([300, 70]); // 10% of 700
    expect(amountThenPercent.amountTotal).toBe(630);

    const percentThenAmount = computeTotals(cart([line('a', 1000)], [percentOff('co_half', '50'), amountOff('co_800', 800)]));
    expect(percentThenAmount.lines[0]?.discounts.map((d) => d.amount)).toEqual([500, 500]); // 800 capped at 500 left
    expect([percentThenAmount.amountDiscount, percentThenAmount.amountTotal]).toEqual([1000, 0]);
  });

  it('supports fractional and 100% percent-off', () => {
    expect(computeTotals(cart([line('a', 999)], [percentOff('co', '12.5')])).amountDiscount).toBe(125); // 124.875
    expect(computeTotals(cart([line('a', 999)], [percentOff('co', '100.000')])).amountTotal).toBe(0);
  });

  it('aggregates the breakdown per coupon and promotion code across lines', () => {
    const result = computeTotals(
      cart([line('a', 101), line('b', 303)], [percentOff('co_50', '50', { promotionCodeId: 'promo_1' }), amountOff('co_1', 1)]),
    );
    // 50.5 → 51 and 151.5 → 152; then 1 over remaining 50:151 → 0.25, 0.75 → 0, 1.
    expect(result.breakdown.discounts).toEqual([
      { amount: 203, couponId: 'co_50', promotionCodeId: 'promo_1' },
      { amount: 1, couponId: 'co_1', promotionCodeId: null },
    ]);
  });
});
