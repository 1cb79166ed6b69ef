import { describe, expect, it } from 'vitest';
import { currencyExponent, isSupportedCurrency } from './currencies';

const ZERO_DECIMAL = ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'];
const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];

describe('currencyExponent', () => {
  it.each(ZERO_DECIMAL)('%s is zero-decimal', (c) => {
    expect(currencyExponent(c)).toBe(0);
  });

  it.each(THREE_DECIMAL)('%s is three-decimal', (c) => {
    expect(currencyExponent(c)).toBe(3);
  });

  it.each(['usd', 'eur', 'gbp', 'huf', 'isk', 'xyz'])('%s has two decimals', (c) => {
    expect(currencyExponent(c)).toBe(2);
  });

  it.each(['JPY', 'Usd', 'us', 'usdd', '', 'u$d'])('rejects malformed code %j instead of guessing 2', (c) => {
    expect(() => currencyExponent(c)).toThrow(RangeError);
  });
});

describe('isSupportedCurrency', () => {
  it.each(['usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'inr', 'brl', 'mxn', 'sle', ...ZERO_DECIMAL, ...THREE_DECIMAL])('supports %s', (c) => {
    expect(isSupportedCurrency(c)).toBe(true);
  });

  it.each(['USD', 'xyz', 'btc', '', 'usd ', 'hrk'])('does not support %j', (c) => {
    expect(isSupportedCurrency(c)).toBe(false);
  });
});
