import { describe, expect, it } from 'vitest';
import { currencyExponent } from '../money/currencies';
import { AmountTooLargeError } from './amount-limit';
import { computeTotals } from './compute-totals';
import { cart, line, percentOff, rate } from './test-builders';

describe('computeTotals', () => {
  it('prices two lines with a 25% coupon, rounding each line half away from zero', () => {
    const result = computeTotals(
      cart(
        [line('li_1', 1999, { quantity: 2 }), line('li_2', 550, { productId: 'prod_b' })],
        [percentOff('co_25', '25', { promotionCodeId: 'promo_SPRING' })],
      ),
    );
    const discount = (amount: number) => ({ amount, couponId: 'co_25', promotionCodeId: 'promo_SPRING' });
    expect(result).toEqual({
      lines: [
        // 3998 × 25% = 999.5 → 1000; 550 × 25% = 137.5 → 138.
        {
          key: 'li_1',
          amountSubtotal: 3998,
          amountDiscount: 1000,
          amountTax: 0,
          amountTotal: 2998,
          discounts: [discount(1000)],
          taxes: [],
        },
        { key: 'li_2', amountSubtotal: 550, amountDiscount: 138, amountTax: 0, amountTotal: 412, discounts: [discount(138)], taxes: [] },
      ],
      amountSubtotal: 4548,
      amountDiscount: 1138,
      amountShipping: 0,
      amountTax: 0,
      amountTotal: 3410,
      shipping: null,
      breakdown: { discounts: [discount(1138)], taxes: [] },
    });
  });

  it('rounds decimal unit amounts once per line, not per unit', () => {
    const result = computeTotals(
      cart([
        line('half_x3', 0, { unitAmount: null, unitAmountDecimal: '0.5', quantity: 3 }), // 1.5 → 2
        line('half_x1', 0, { unitAmount: null, unitAmountDecimal: '0.5' }), // 0.5 → 1
        line('tiny', 0, { unitAmount: null, unitAmountDecimal: '0.4' }), // 0.4 → 0
        line('thirds', 0, { unitAmount: null, unitAmountDecimal: '0.333', quantity: 3 }), // 0.999 → 1
        line('cents', 0, { unitAmount: null, unitAmountDecimal: '12.345', quantity: 100 }), // 1234.5 → 1235
      ]),
    );
    expect(result.lines.map((l) => l.amountSubtotal)).toEqual([2, 1, 0, 1, 1235]);
    expect(result.amountTotal).toBe(1239);
  });

  it('uses unitAmount and ignores unitAmountDecimal when both are set', () => {
    const result = computeTotals(cart([line('li', 100, { unitAmountDecimal: '0.5', quantity: 2 })]));
    expect(result.amountSubtotal).toBe(200);
  });

  it('prices zero-decimal jpy amounts as whole yen', () => {
    expect(currencyExponent('jpy')).toBe(0);
    const result = computeTotals(
      cart(
        [
          line('bento', 1980, { quantity: 3, taxRates: [rate('txr_jp10', '10', true)] }),
          line('tea', 1000, { productId: 'prod_tea', taxRates: [rate('txr_jp8', '8')] }),
        ],
        [percentOff('co_15', '15')],
      ),
    );
    // bento: 5940 − 891 = 5049, of which 10% inclusive tax = 5049 − 5049/1.1 = 459.
    // tea: 1000 − 150 = 850, plus 8% exclusive = 68.
    expect(result.lines.map((l) => [l.amountSubtotal, l.amountDiscount, l.amountTax, l.amountTotal])).toEqual([
      [5940, 891, 459, 5049],
      [1000, 150, 68, 918],
    ]);
    expect([result.amountSubtotal, result.amountDiscount, result.amountTax, result.amountTotal]).toEqual([6940, 1041, 527, 5967]);
  });

  it('prices an empty cart and zero quantities as zero', () => {
    expect(computeTotals(cart([])).amountTotal).toBe(0);
    const result = computeTotals(cart([line('li', 5000, { quantity: 0, taxRates: [rate('t', '20')] })]));
    expect([result.amountSubtotal, result.amountTax, result.amountTotal]).toEqual([0, 0, 0]);
  });

  it('is pure: same input, same output, input untouched', () => {
    const input = cart([line('li', 1234, { quantity: 3, taxRates: [rate('t', '8.875')] })], [percentOff('co', '10')]);
    const snapshot = structuredClone(input);
    expect(computeTotals(input)).toEqual(computeTotals(input));
    expect(input).toEqual(snapshot);
  });

  it('refuses a total a JavaScript number cannot hold exactly: it is far above any currency limit', () => {
    expect(() => computeTotals(cart([line('li', Number.MAX_SAFE_INTEGER, { quantity: 2 })], [], null, 'idr'))).toThrow(AmountTooLargeError);
  });
});
