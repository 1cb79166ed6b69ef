import { describe, expect, it } from 'vitest';
import { defaultCountry } from './default-country';

const ALL = ['CA', 'DE', 'ES', 'FR', 'GB', 'JP', 'MX', 'US'];

describe('the country an address starts on', () => {
  it("takes the browser's first region, then the session locale's, then the language's usual country", () => {
    expect(defaultCountry('es-MX,es;q=0.9', null, ALL)).toBe('MX');
    expect(defaultCountry('en-GB,en;q=0.8', 'auto', ALL)).toBe('GB');
    expect(defaultCountry(null, 'fr-CA', ALL)).toBe('CA');
    expect(defaultCountry('ja', null, ALL)).toBe('JP');
    expect(defaultCountry('de;q=0.9, *;q=0.1', null, ALL)).toBe('DE');
    expect(defaultCountry('fr', 'ja', ALL)).toBe('FR');
  });

  it('never picks a country the form does not offer, and survives garbage', () => {
    expect(defaultCountry('es-AR', null, ALL)).toBeNull();
    expect(defaultCountry('es-AR', null, ['US'])).toBeNull();
    expect(defaultCountry('not a tag, ,', null, ALL)).toBeNull();
    expect(defaultCountry(null, null, ALL)).toBeNull();
  });
});
