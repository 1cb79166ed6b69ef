import { describe, expect, it } from 'vitest';
import { computeTotals } from './compute-totals';
import { amountOff, cart, line, percentOff, rate } from './test-builders';

describe('computeTotals — tax', () => {
  it('finds 200 of inclusive 20% VAT inside 1200 without adding it again', () => {
    const result = computeTotals(cart([line('li', 1200, { taxRates: [rate('txr_vat', '20', true)] })]));
    expect(result.lines[0]).toEqual({
      key: 'li',
      amountSubtotal: 1200,
      amountDiscount: 0,
      amountTax: 200,
      amountTotal: 1200,
      discounts: [],
      taxes: [{ amount: 200, rateId: 'txr_vat', inclusive: true, taxableAmount: 1000 }],
    });
    expect([result.amountTax, result.amountTotal]).toEqual([200, 1200]);
  });

  it('adds exclusive 8.875% on top, rounded per line half away from zero', () => {
    const ny = [rate('txr_ny', '8.875')];
    const result = computeTotals(cart([line('a', 10000, { taxRates: ny }), line('b', 1999, { taxRates: ny })]));
    // 887.5 → 888 and 177.41125 → 177.
    expect(result.lines.map((l) => [l.amountTax, l.amountTotal])).toEqual([
      [888, 10888],
      [177, 2176],
    ]);
    expect([result.amountTax, result.amountTotal]).toEqual([1065, 13064]);
    expect(result.breakdown.taxes).toEqual([{ amount: 1065, rateId: 'txr_ny', inclusive: false, taxableAmount: 11999 }]);
  });

  it('removes inclusive rates first, then applies exclusive rates to the net', () => {
    const result = computeTotals(
      cart([line('li', 1000, { taxRates: [rate('in_5', '5', true), rate('in_7_5', '7.5', true), rate('ex', '8.875')] })]),
    );
    // net = round(1000 / 1.125) = 889; inclusive 111 split 44 / 67; exclusive 889 × 8.875% = 78.9 → 79.
    expect(result.lines[0]?.taxes).toEqual([
      { amount: 44, rateId: 'in_5', inclusive: true, taxableAmount: 889 },
      { amount: 67, rateId: 'in_7_5', inclusive: true, taxableAmount: 889 },
      { amount: 79, rateId: 'ex', inclusive: false, taxableAmount: 889 },
    ]);
    expect([result.amountTax, result.amountTotal]).toEqual([190, 1079]);
  });

  it('taxes the discounted amount, for inclusive and exclusive rates', () => {
    const inclusive = computeTotals(cart([line('li', 1200, { taxRates: [rate('vat', '20', true)] })], [percentOff('co', '25')]));
    expect([inclusive.amountDiscount, inclusive.amountTax, inclusive.amountTotal]).toEqual([300, 150, 900]);

    const exclusive = computeTotals(cart([line('li', 10000, { taxRates: [rate('ny', '8.875')] })], [amountOff('co', 1000)]));
    expect([exclusive.amountTax, exclusive.amountTotal]).toEqual([799, 9799]); // 798.75 → 799
  });

  it('keeps inclusive and exclusive uses of one rate id apart in the breakdown', () => {
    const result = computeTotals(
      cart([line('a', 1100, { taxRates: [rate('txr', '10', true)] }), line('b', 1000, { taxRates: [rate('txr', '10')] })]),
    );
    expect(result.breakdown.taxes).toEqual([
      { amount: 100, rateId: 'txr', inclusive: true, taxableAmount: 1000 },
      { amount: 100, rateId: 'txr', inclusive: false, taxableAmount: 1000 },
    ]);
    expect([result.amountTax, result.amountTotal]).toEqual([200, 2200]);
  });
});
