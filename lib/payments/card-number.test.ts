import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CardBrand, cardNumberLengths, cvcLength, detectBrand, formatCardNumber, luhnValid, normalizeCardNumber } from './card-number';

describe('normalizeCardNumber', () => {
  it.each([
    ['4242 4242 4242 4242', '4242424242424242'],
    ['4242-4242-4242-4242', '4242424242424242'],
    [' 3782 822463 10005 ', '378282246310005'],
    ['4242\t4242', '42424242'],
  ])('%j → %s', (input, digits) => {
    expect(normalizeCardNumber(input)).toBe(digits);
  });

  it.each(['', '   ', '4242 4242 4242 424x', '4242.4242', '４２４２'])('%j → null', (input) => {
    expect(normalizeCardNumber(input)).toBeNull();
  });
});

describe('luhnValid', () => {
  it.each(['4242424242424242', '378282246310005', '5555555555554444', '36227206271667', '0'])('%s passes', (digits) => {
    expect(luhnValid(digits)).toBe(true);
  });

  it.each(['4242424242424241', '4111111111111112', '1', '', '4242 4242 4242 4242'])('%j fails', (digits) => {
    expect(luhnValid(digits)).toBe(false);
  });
});

describe('detectBrand', () => {
  it.each<[string, CardBrand]>([
    ['4242424242424242', 'visa'],
    ['4', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['51', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['2220990000000000', 'unknown'],
    ['2721000000000000', 'unknown'],
    ['5000000000000000', 'unknown'],
    ['5600000000000000', 'unknown'],
    ['378282246310005', 'amex'],
    ['341111111111111', 'amex'],
    ['6011111111111117', 'discover'],
    ['6445644564456445', 'discover'],
    ['6500000000000002', 'discover'],
    ['6221260000000000', 'discover'],
    ['6229250000000000', 'discover'],
    ['6200000000000005', 'unionpay'],
    ['6221250000000000', 'unionpay'],
    ['6229260000000000', 'unionpay'],
    ['3056930009020004', 'diners'],
    ['36227206271667', 'diners'],
    ['3800000000000000', 'diners'],
    ['3566002020360505', 'jcb'],
    ['3528000000000000', 'jcb'],
    ['3590000000000000', 'unknown'],
    ['3', 'unknown'],
    ['', 'unknown'],
    ['9999999999999995', 'unknown'],
  ])('%s → %s', (digits, brand) => {
    expect(detectBrand(digits)).toBe(brand);
  });
});

describe('cvcLength and cardNumberLengths', () => {
  it('wants 4 CVC digits for Amex and 3 otherwise', () => {
    expect(cvcLength('amex')).toBe(4);
    for (const brand of ['visa', 'mastercard', 'discover', 'diners', 'jcb', 'unionpay', 'unknown'] as const)
      expect(cvcLength(brand)).toBe(3);
  });

  it('knows each network’s lengths', () => {
    expect(cardNumberLengths('amex')).toEqual([15]);
    expect(cardNumberLengths('mastercard')).toEqual([16]);
    expect(cardNumberLengths('visa')).toContain(16);
    expect(cardNumberLengths('diners')).toContain(14);
    expect(cardNumberLengths('unionpay')).toContain(19);
  });
});

describe('formatCardNumber', () => {
  it.each<[string, CardBrand, string]>([
    ['4242424242424242', 'visa', '4242 4242 4242 4242'],
    ['42424', 'visa', '4242 4'],
    ['4242', 'visa', '4242'],
    ['', 'visa', ''],
    ['6200000000000000003', 'unionpay', '6200 0000 0000 0000 003'],
    ['378282246310005', 'amex', '3782 822463 10005'],
    ['3782822', 'amex', '3782 822'],
    ['37828224631000512', 'amex', '3782 822463 10005 12'],
    ['62000000000000000031', 'unionpay', '6200 0000 0000 0000 003 1'],
  ])('%s (%s) → %j', (digits, brand, shown) => {
    expect(formatCardNumber(digits, brand)).toBe(shown);
  });
});

/** Random 16-digit numbers with a correct check digit. */
const luhnNumber16 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((body) => {
  // Doubling positions counted from the check digit: every second one leftwards.
  const sum = body.reduceRight((acc, d, i) => {
    const fromRight = body.length - i;
    const v = fromRight % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
    return acc + v;
  }, 0);
  return [...body, (10 - (sum % 10)) % 10].join('');
});

describe('properties over random Luhn-valid 16-digit numbers', () => {
  it('the generated numbers pass luhnValid', () => {
    fc.assert(
      fc.property(luhnNumber16, (digits) => luhnValid(digits)),
      { numRuns: 500 },
    );
  });

  it('formatting then normalizing gives the digits back, and formatting is stable', () => {
    fc.assert(
      fc.property(luhnNumber16, (digits) => {
        const shown = formatCardNumber(digits, detectBrand(digits));
        expect(normalizeCardNumber(shown)).toBe(digits);
        expect(formatCardNumber(normalizeCardNumber(shown) ?? '', detectBrand(digits))).toBe(shown);
      }),
      { numRuns: 500 },
    );
  });

  it('changing any one digit breaks the check', () => {
    fc.assert(
      fc.property(luhnNumber16, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (digits, at, delta) => {
        const changed = digits.slice(0, at) + String((Number(digits[at]) + delta) % 10) + digits.slice(at + 1);
        expect(luhnValid(changed)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
