import { describe, expect, it } from 'vitest';
import { computeTotals } from './compute-totals';
import { amountOff, cart, line, percentOff, rate, shipping } from './test-builders';

describe('computeTotals — shipping', () => {
  it('adds exclusive tax on shipping and reports shipping before tax as amountShipping', () => {
    const result = computeTotals(
      cart([line('li', 5000)], [percentOff('co_10', '10')], shipping(1500, { taxRates: [rate('txr_ny', '8.875')] })),
    );
    const tax = { amount: 133, rateId: 'txr_ny', inclusive: false, taxableAmount: 1500 }; // 133.125 → 133
    expect(result.shipping).toEqual({ amountSubtotal: 1500, amountTax: 133, amountTotal: 1633, taxes: [tax] });
    expect(result).toMatchObject({
      amountSubtotal: 5000,
      amountDiscount: 500,
      amountShipping: 1500,
      amountTax: 133,
      amountTotal: 6133,
      breakdown: { taxes: [tax] },
    });
  });

  it('charges inclusive-behaviour shipping without rates as is', () => {
    const result = computeTotals(cart([line('li', 1000)], [], shipping(999, { taxBehavior: 'inclusive' })));
    expect(result.shipping).toEqual({ amountSubtotal: 999, amountTax: 0, amountTotal: 999, taxes: [] });
    expect([result.amountTax, result.amountTotal]).toEqual([0, 1999]);
  });

  it('finds inclusive tax inside shipping without adding it again', () => {
    const result = computeTotals(
      cart([line('li', 1000)], [], shipping(600, { taxBehavior: 'inclusive', taxRates: [rate('vat', '20', true)] })),
    );
    expect(result.shipping).toMatchObject({ amountSubtotal: 600, amountTax: 100, amountTotal: 600 });
    expect([result.amountShipping, result.amountTax, result.amountTotal]).toEqual([600, 100, 1600]);
  });

  it('never lets a discount reach shipping', () => {
    const result = computeTotals(cart([line('li', 1000)], [amountOff('co_big', 5000)], shipping(500)));
    expect([result.amountDiscount, result.amountShipping, result.amountTotal]).toEqual([1000, 500, 500]);
  });

  it('aggregates a rate used on lines and shipping into one breakdown entry', () => {
    const vat = [rate('txr_x', '10')];
    const result = computeTotals(cart([line('li', 1000, { taxRates: vat })], [], shipping(500, { taxRates: vat })));
    expect(result.breakdown.taxes).toEqual([{ amount: 150, rateId: 'txr_x', inclusive: false, taxableAmount: 1500 }]);
    expect(result.amountTotal).toBe(1650);
  });

  it('reports zero shipping and a null shipping block when there is none', () => {
    const result = computeTotals(cart([line('li', 1000)]));
    expect([result.amountShipping, result.shipping]).toEqual([0, null]);
  });
});
