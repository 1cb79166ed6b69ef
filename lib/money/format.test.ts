import { describe, expect, it } from 'vitest';
import { formatAmount } from './format';

describe('formatAmount', () => {
  it('uses the currency exponent and the locale', () => {
    expect(formatAmount(2500, 'usd', 'en')).toBe('$25.00');
    expect(formatAmount(2500, 'eur', 'fr').replace(/\s/g, ' ')).toBe('25,00 €');
    expect(formatAmount(500, 'jpy', 'ja')).toBe('￥500');
    expect(formatAmount(1234, 'kwd', 'en').replace(/\s/g, ' ')).toBe('KWD 1.234');
  });
});
