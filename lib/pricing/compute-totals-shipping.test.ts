import fc from 'fast-check';
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

describe('computeTotals — shipping split among the goods’ rates', () => {
  const books = line('li_books', 3000, { taxRates: [rate('txr_7', '7')] });
  const goods = line('li_goods', 1000, { productId: 'prod_b', taxRates: [rate('txr_19', '19')] });
  const shares = [
    { weightedBy: ['li_books'], taxRates: [rate('txr_ship_7', '7')] },
    { weightedBy: ['li_goods'], taxRates: [rate('txr_ship_19', '19')] },
  ];

  it('taxes each share at its rate, the shares in proportion to the lines after discounts', () => {
    // 3,000 and 1,000 of goods: shipping of 1,000 is 750 at 7 % and 250 at 19 %.
    const result = computeTotals(cart([books, goods], [], shipping(1000, { shares })));
    expect(result.shipping).toEqual({
      amountSubtotal: 1000,
      amountTax: 101, // 52.5 → 53 and 47.5 → 48: each share rounded on its own, as a line is
      amountTotal: 1101,
      taxes: [
        { amount: 53, rateId: 'txr_ship_7', inclusive: false, taxableAmount: 750 },
        { amount: 48, rateId: 'txr_ship_19', inclusive: false, taxableAmount: 250 },
      ],
    });
  });

  it('weighs the lines after discounts, and a coupon on one product moves the split', () => {
    // 50 % off the books only: 1,500 and 1,000, so 600 and 400.
    const result = computeTotals(
      cart([books, goods], [percentOff('co_half', '50', { appliesToProducts: ['prod_a'] })], shipping(1000, { shares })),
    );
    expect(result.shipping?.taxes.map((t) => [t.rateId, t.taxableAmount])).toEqual([
      ['txr_ship_7', 600],
      ['txr_ship_19', 400],
    ]);
  });

  it('splits an amount that does not divide evenly with no unit lost or gained', () => {
    const three = [1, 1, 1].map((_, i) => line(`li_${i}`, 100, { taxRates: [rate(`txr_${i}`, '10')] }));
    const result = computeTotals(
      cart(three, [], shipping(100, { shares: three.map((l, i) => ({ weightedBy: [l.key], taxRates: [rate(`txr_s${i}`, '10')] })) })),
    );
    expect(result.shipping?.taxes.map((t) => t.taxableAmount)).toEqual([34, 33, 33]);
  });

  it('finds inclusive tax inside each share', () => {
    const inclusive = shares.map((s) => ({ ...s, taxRates: s.taxRates.map((r) => ({ ...r, inclusive: true })) }));
    const result = computeTotals(cart([books, goods], [], shipping(1070, { taxBehavior: 'inclusive', shares: inclusive })));
    // 802.5 → 803 at 7 % inside (net 750, tax 53); 267 at 19 % inside (net 224, tax 43).
    expect(result.shipping).toMatchObject({ amountSubtotal: 1070, amountTotal: 1070 });
    expect(result.shipping?.taxes.map((t) => [t.amount, t.taxableAmount])).toEqual([
      [53, 750],
      [43, 224],
    ]);
  });

  it('a line not bought weighs nothing; when nothing weighs anything the shares are equal', () => {
    const onlyBooks = computeTotals(
      cart([books], [], shipping(1000, { shares: [...shares, { weightedBy: ['li_absent'], taxRates: [rate('txr_x', '20')] }] })),
    );
    expect(onlyBooks.shipping?.taxes.map((t) => [t.rateId, t.taxableAmount, t.amount])).toEqual([
      ['txr_ship_7', 1000, 70],
      ['txr_ship_19', 0, 0],
      ['txr_x', 0, 0],
    ]);
    const free = computeTotals(cart([books, goods], [percentOff('co_all', '100')], shipping(1001, { shares })));
    expect(free.shipping?.taxes.map((t) => t.taxableAmount)).toEqual([501, 500]);
  });

  it('refuses a share that names no line', () => {
    expect(() => computeTotals(cart([books], [], shipping(1000, { shares: [{ weightedBy: [], taxRates: [] }] })))).toThrow(
      'shipping.shares[0].weightedBy must name at least one line',
    );
  });

  it('property: with one exclusive rate per share, the shares add up to the amount, each within a unit of its proportion', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (amounts, shippingAmount) => {
          const lines = amounts.map((a, i) => line(`li_${i}`, a));
          const split = lines.map((l, i) => ({ weightedBy: [l.key], taxRates: [rate(`txr_${i}`, '10')] }));
          const result = computeTotals(cart(lines, [], shipping(shippingAmount, { shares: split })));
          const parts = result.shipping?.taxes.map((t) => t.taxableAmount) ?? [];
          expect(parts.reduce((a, b) => a + b, 0)).toBe(shippingAmount);
          const weight = amounts.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            const exact = weight === 0 ? shippingAmount / amounts.length : (shippingAmount * amounts[i]) / weight;
            expect(Math.abs(part - exact)).toBeLessThan(1);
          });
          expect(result.shipping?.amountTax).toBe(parts.reduce((sum, part) => sum + Math.round(part * 0.1), 0));
        },
      ),
    );
  });
});
