import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { majorToMinor, minorToMajor } from './major-units';

describe('majorToMinor', () => {
  it('reads two-, zero- and three-decimal currencies', () => {
    expect(majorToMinor('25', 'eur')).toBe(2500);
    expect(majorToMinor('25.5', 'usd')).toBe(2550);
    expect(majorToMinor('19,99', 'eur')).toBe(1999);
    expect(majorToMinor(' 0.10 ', 'eur')).toBe(10);
    expect(majorToMinor('500', 'jpy')).toBe(500);
    expect(majorToMinor('500.00', 'jpy')).toBe(500);
    expect(majorToMinor('1.234', 'kwd')).toBe(1234);
  });

  it('refuses what is not an amount or too precise for the currency', () => {
    for (const bad of ['', 'abc', '-1', '1.2.3', '1 000', '1e3', '.5']) expect(majorToMinor(bad, 'eur')).toBeNull();
    expect(majorToMinor('12.345', 'eur')).toBeNull();
    expect(majorToMinor('500.5', 'jpy')).toBeNull();
    expect(majorToMinor('99999999999999999999', 'eur')).toBeNull();
  });

  it('round-trips with minorToMajor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom('eur', 'jpy', 'kwd'),
        (minor, cur) => majorToMinor(minorToMajor(minor, cur), cur) === minor,
      ),
    );
    expect(minorToMajor(5, 'eur')).toBe('0.05');
    expect(minorToMajor(2500, 'usd')).toBe('25.00');
    expect(minorToMajor(500, 'jpy')).toBe('500');
  });
});
