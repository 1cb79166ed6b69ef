import { describe, expect, it } from 'vitest';
import { parseMinorUnits, toMinorUnits } from './minor-units';

describe('parseMinorUnits', () => {
  it('lifts non-negative safe integers to bigint', () => {
    expect(parseMinorUnits(0, 'amount')).toBe(0n);
    expect(parseMinorUnits(1234, 'amount')).toBe(1234n);
    expect(parseMinorUnits(Number.MAX_SAFE_INTEGER, 'amount')).toBe(9007199254740991n);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %s', (value) => {
    expect(() => parseMinorUnits(value, 'lines[0].unitAmount')).toThrow(/lines\[0\]\.unitAmount/);
    expect(() => parseMinorUnits(value, 'x')).toThrow(RangeError);
  });
});

describe('toMinorUnits', () => {
  it('converts values a double holds exactly', () => {
    expect(toMinorUnits(9007199254740991n, 'total')).toBe(9007199254740991);
    expect(toMinorUnits(-42n, 'total')).toBe(-42);
  });

  it('refuses values beyond the safe integer range', () => {
    expect(() => toMinorUnits(2n ** 53n, 'amountTotal')).toThrow(/amountTotal/);
    expect(() => toMinorUnits(-(2n ** 53n), 'amountTotal')).toThrow(RangeError);
  });
});
