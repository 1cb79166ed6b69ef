import { describe, expect, it } from 'vitest';
import { storedTaxIdValue, taxIdCountry } from './customer-tax-id-value';

describe("a customer's tax ID as stored", () => {
  it('is the format’s written form, or null when the format or check digits fail', () => {
    expect(storedTaxIdValue('eu_vat', 'DE 136 695 976')).toBe('DE136695976');
    expect(storedTaxIdValue('eu_vat', 'DE136695978')).toBeNull();
    expect(storedTaxIdValue('au_abn', '51 824 753 556')).toBe('51824753556');
  });

  it('is trimmed and upper-cased for a type without a format; nothing but spaces is refused', () => {
    expect(storedTaxIdValue('bo_tin', '  123456789abc ')).toBe('123456789ABC');
    expect(storedTaxIdValue('bo_tin', '   ')).toBeNull();
  });

  it("has the country of an EU VAT number's member state (EL → GR, XI → GB), of the format, or of the type's name", () => {
    expect(taxIdCountry('eu_vat', 'DE136695976')).toBe('DE');
    expect(taxIdCountry('eu_vat', 'EL094259216')).toBe('GR');
    expect(taxIdCountry('eu_vat', 'XI980780684')).toBe('GB');
    expect(taxIdCountry('gb_vat', 'GB980780684')).toBe('GB');
    expect(taxIdCountry('li_uid', 'CHE123456789')).toBe('LI');
    expect(taxIdCountry('au_abn', '51824753556')).toBe('AU');
    expect(taxIdCountry('bo_tin', '123456789')).toBe('BO');
    expect(taxIdCountry('eu_oss_vat', 'EU123456789')).toBeNull();
  });
});
