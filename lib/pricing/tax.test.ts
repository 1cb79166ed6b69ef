import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../money/decimal';
import type { ExactTaxRate } from './exact-types';
import { computeTax } from './tax';

const rate = (id: string, percentage: string, inclusive: boolean): ExactTaxRate => ({
  id,
  percent: parseDecimal(percentage),
  inclusive,
});

describe('computeTax', () => {
  it('is a no-op without rates', () => {
    expect(computeTax(1234n, [])).toEqual({ net: 1234n, inclusiveTax: 0n, exclusiveTax: 0n, taxes: [] });
  });

  it('extracts inclusive VAT 20% from 1200 as 200', () => {
    expect(computeTax(1200n, [rate('vat', '20', true)])).toEqual({
      net: 1000n,
      inclusiveTax: 200n,
      exclusiveTax: 0n,
      taxes: [{ amount: 200n, rateId: 'vat', inclusive: true, taxableAmount: 1000n }],
    });
  });

  it('splits combined inclusive tax by percentage so the parts sum exactly', () => {
    // 1000 / 1.125 = 888.89 → net 889, tax 111; shares 44.4 and 66.6 → 44 and 67.
    const result = computeTax(1000n, [rate('a', '5', true), rate('b', '7.5', true)]);
    expect(result.net).toBe(889n);
    expect(result.taxes.map((t) => t.amount)).toEqual([44n, 67n]);
  });

  it('applies exclusive rates to the net after removing inclusive ones, keeping rate order', () => {
    const result = computeTax(1100n, [rate('ex', '5', false), rate('in', '10', true), rate('ex2', '0.5', false)]);
    // net = 1100 / 1.1 = 1000; 5% → 50; 0.5% → 5.
    expect(result).toEqual({
      net: 1000n,
      inclusiveTax: 100n,
      exclusiveTax: 55n,
      taxes: [
        { amount: 50n, rateId: 'ex', inclusive: false, taxableAmount: 1000n },
        { amount: 100n, rateId: 'in', inclusive: true, taxableAmount: 1000n },
        { amount: 5n, rateId: 'ex2', inclusive: false, taxableAmount: 1000n },
      ],
    });
  });

  it('handles 0% and 100% inclusive rates', () => {
    expect(computeTax(999n, [rate('zero', '0', true)]).inclusiveTax).toBe(0n);
    expect(computeTax(1001n, [rate('full', '100', true)]).net).toBe(501n); // 500.5 → 501
  });

  it('inclusive tax is the rounded exact tax and its parts sum to it', () => {
    const percent = fc.integer({ min: 0, max: 100_000 }).map((m) => `${Math.floor(m / 1000)}.${String(m % 1000).padStart(3, '0')}`);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(percent, { minLength: 1, maxLength: 3 }), (amount, pcts) => {
        const result = computeTax(
          amount,
          pcts.map((p, i) => rate(`r${i}`, p, true)),
        );
        expect(result.net + result.inclusiveTax).toBe(amount);
        expect(result.taxes.reduce((sum, t) => sum + t.amount, 0n)).toBe(result.inclusiveTax);
        // |tax − amount·P/(100+P)| ≤ ½, with P in thousandths of a percent.
        const p = pcts.reduce((sum, s) => sum + parseDecimal(s).num * (1000n / parseDecimal(s).den), 0n);
        const error = result.inclusiveTax * (100_000n + p) - amount * p;
        expect(2n * (error < 0n ? -error : error) <= 100_000n + p).toBe(true);
      }),
    );
  });
});
