import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIban, ibanBankCode, ibanChecksumValid, ibanProblem, normalizeIban, SEPA_IBAN_LENGTHS } from './iban';
import { defined } from '@/e2e/support/defined';

/** Makes a checksum-valid IBAN from a country and account part, the way banks compute the two check digits. */
function withCheckDigits(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Za-z]/g, (c) => String(parseInt(c, 36)));
  const check = 98 - Number(BigInt(numeric) % 97n);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

describe('IBAN checks', () => {
  it('accepts valid IBANs of DE, FR, NL, AT, BE, ES and IT, written with spaces and in lower case', () => {
    for (const raw of [
      'de89 3704 0044 0532 0130 00',
      'FR14 2004 1010 0505 0001 3M02 606',
      'NL39 RABO 0300 0652 64',
      'AT61 1904 3002 3457 3201',
      'BE62 5100 0754 7061',
      'ES91 2100 0418 4502 0005 1332',
      'IT60 X054 2811 1010 0000 0123 456',
    ]) {
      const iban = defined(normalizeIban(raw), `the IBAN in ${raw}`);
      expect(ibanProblem(iban), raw).toBeNull();
    }
  });

  it('tells a short IBAN (still typing) from a wrong one, and refuses countries outside SEPA', () => {
    expect(ibanProblem('DE')).toBe('incomplete');
    expect(ibanProblem('DE8937040044053201300')).toBe('incomplete');
    expect(ibanProblem('DE893704004405320130000')).toBe('invalid');
    expect(ibanProblem('DE88370400440532013000')).toBe('invalid');
    expect(ibanProblem('1234567890')).toBe('invalid');
    expect(ibanProblem('US64SVBKUS6S3300958879')).toBe('unsupported_country');
    expect(normalizeIban('DE89_3704')).toBeNull();
  });

  it('a checksum-valid IBAN of the right length passes; changing any one character makes mod-97 fail', () => {
    fc.assert(
      fc.property(fc.constantFrom('DE', 'FR', 'NL', 'AT', 'BE', 'ES', 'IT'), fc.nat(), fc.nat({ max: 9 }), (country, seed, delta) => {
        const length = SEPA_IBAN_LENGTHS[country] - 4;
        const bban = String(seed).padStart(length, '7').slice(0, length);
        const iban = withCheckDigits(country, bban);
        expect(ibanProblem(iban)).toBeNull();
        const at = 4 + (seed % length);
        const changed = (Number(iban[at]) + 1 + (delta % 9)) % 10;
        expect(ibanChecksumValid(`${iban.slice(0, at)}${changed}${iban.slice(at + 1)}`)).toBe(false);
      }),
    );
  });

  it('reads the bank code where it is a fixed slice, and groups by four for display', () => {
    expect(ibanBankCode('DE89370400440532013000')).toBe('37040044');
    expect(ibanBankCode('FR1420041010050500013M02606')).toBe('20041');
    expect(ibanBankCode('NL39RABO0300065264')).toBe('RABO');
    expect(ibanBankCode('IT60X0542811101000000123456')).toBe('05428');
    expect(ibanBankCode('PT50000201231234567890154')).toBeNull();
    expect(formatIban('NL39RABO0300065264')).toBe('NL39 RABO 0300 0652 64');
  });
});
