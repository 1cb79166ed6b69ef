import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, roundDiv } from './decimal';

describe('parseDecimal', () => {
  it.each([
    ['12', 12n, 1n],
    ['12.5', 125n, 10n],
    ['0.001', 1n, 1000n],
    ['8.875', 8875n, 1000n],
    ['007.50', 750n, 100n],
    ['0', 0n, 1n],
  ])('parses %s exactly', (input, num, den) => {
    expect(parseDecimal(input)).toEqual({ num, den });
  });

  it.each(['', '.5', '5.', '-1', '+1', '1e3', ' 1', '1 ', '1,5', 'NaN', 'Infinity', '0x10', '１', '1.2.3'])(
    'rejects %j with a RangeError',
    (input) => {
      expect(() => parseDecimal(input)).toThrow(RangeError);
    },
  );

  it('rejects non-strings even though the type forbids them (API data is untyped)', () => {
    expect(() => parseDecimal(12.5)).toThrow(RangeError);
  });
});

describe('roundDiv (half away from zero)', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [7n, 2n, 4n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-1n, 3n, 0n],
    [-2n, 3n, -1n],
    [0n, 5n, 0n],
    [8875n * 10000n, 100000n, 888n], // 8.875% of 100.00 = 887.5 → 888
  ])('roundDiv(%s, %s) = %s', (num, den, expected) => {
    expect(roundDiv(num, den)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => roundDiv(1n, 0n)).toThrow(RangeError);
  });

  it('is the nearest integer, with exact halves going away from zero', () => {
    const nonZero = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).filter((d) => d !== 0n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), nonZero, (num, den) => {
        const r = roundDiv(num, den);
        const abs = (x: bigint): bigint => (x < 0n ? -x : x);
        const twiceError = 2n * abs(num - r * den);
        expect(twiceError <= abs(den)).toBe(true);
        if (twiceError === abs(den)) expect(abs(r * den) > abs(num)).toBe(true);
      }),
    );
  });
});
