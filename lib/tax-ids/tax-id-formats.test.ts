import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taxIdSupported } from './checkout-tax-id-types';
import { recognizeTaxId, taxIdExample } from './recognize-tax-id';
import { EU_COUNTRIES, TAX_ID_FORMATS, type KnownTaxIdType } from './tax-id-formats';

// Real numbers with valid check digits (published company numbers and the test vectors of python-stdnum), each with
// the form it is stored in, and near misses: one digit changed (the check fails), a digit short, letters where digits go.
const VALID: [KnownTaxIdType, string, string][] = [
  ['eu_vat', 'DE136695976', 'DE136695976'],
  ['eu_vat', 'de 136 695 976', 'DE136695976'],
  ['eu_vat', 'FR40303265045', 'FR40303265045'],
  ['eu_vat', 'EL094259216', 'EL094259216'],
  ['eu_vat', 'ATU13585627', 'ATU13585627'],
  ['eu_vat', 'NL004495445B01', 'NL004495445B01'],
  ['eu_vat', 'IE6433435F', 'IE6433435F'],
  ['eu_vat', 'IT00743110157', 'IT00743110157'],
  ['eu_vat', 'ESB58378431', 'ESB58378431'],
  ['eu_vat', 'BE0403019261', 'BE0403019261'],
  ['eu_vat', 'PL8567346215', 'PL8567346215'],
  ['eu_vat', 'SE123456789701', 'SE123456789701'],
  ['eu_vat', 'XI980780684', 'XI980780684'],
  ['gb_vat', 'GB 980 7806 84', 'GB980780684'],
  ['gb_vat', '980780684', 'GB980780684'],
  ['ch_vat', 'CHE-107.787.577 MWST', 'CHE107787577MWST'],
  ['ch_uid', 'CHE-100.155.212', 'CHE100155212'],
  ['no_vat', 'NO 995 525 828 MVA', '995525828MVA'],
  ['is_vat', '00621', '00621'],
  ['au_abn', '83 914 571 673', '83914571673'],
  ['au_abn', '51 824 753 556', '51824753556'],
  ['ca_bn', '123026635', '123026635'],
  ['ca_gst_hst', '754039725 RT 0001', '754039725RT0001'],
  ['ca_qst', '1224002901 TQ 0001', '1224002901TQ0001'],
  ['ca_pst_bc', 'PST-1234-5678', 'PST-1234-5678'],
  ['in_gst', '27AAPFU0939F1ZV', '27AAPFU0939F1ZV'],
  ['jp_cn', '5-8356-7825-6246', '5835678256246'],
  ['jp_trn', 'T5835678256246', 'T5835678256246'],
  ['nz_gst', '49-091-850', '49091850'],
  ['sg_uen', '197401143C', '197401143C'],
  ['za_vat', '4999999999', '4999999999'],
  ['tr_tin', '4540536920', '4540536920'],
  ['us_ein', '12-3456789', '123456789'],
  ['kr_brn', '116-82-00276', '1168200276'],
  ['il_vat', '516179157', '516179157'],
  ['mx_rfc', 'GODE561231GR8', 'GODE561231GR8'],
  ['cl_tin', '76086428-5', '760864285'],
  ['tw_vat', '00501503', '00501503'],
  ['br_cnpj', '16.727.230/0001-97', '16727230000197'],
  ['ar_cuit', '20-05536168-2', '20055361682'],
  ['ru_inn', '7707083893', '7707083893'],
  ['ae_trn', '100123456700003', '100123456700003'],
  ['hk_br', '12345678', '12345678'],
];

const INVALID: [KnownTaxIdType, string][] = [
  ['eu_vat', 'DE136695978'], // check digit
  ['eu_vat', 'DE13669597'], // a digit short
  ['eu_vat', '136695976'], // no member state
  ['eu_vat', 'XX136695976'],
  ['eu_vat', 'FR40303265046'],
  ['eu_vat', 'NL004495445X01'],
  ['eu_vat', 'XI980780685'],
  ['gb_vat', 'GB980780685'],
  ['gb_vat', 'GB98078068A'],
  ['ch_vat', 'CHE-107.787.578 MWST'],
  ['no_vat', 'NO 995 525 829 MVA'],
  ['au_abn', '99 999 999 999'],
  ['au_abn', '8391457167'],
  ['ca_bn', '123026636'],
  ['ca_gst_hst', '754039729 RT 0001'],
  ['ca_qst', '1224002902 TQ 0001'],
  ['ca_pst_bc', 'PST-1234-567'],
  ['in_gst', '27AAPFU0939F1Z0'],
  ['jp_cn', '2-8356-7825-6246'],
  ['za_vat', '3999999999'],
  ['tr_tin', '4540536921'],
  ['us_ein', '00-3456789'],
  ['kr_brn', '116-82-00278'],
  ['cl_tin', '76086428-4'],
  ['tw_vat', '00501502'],
  ['br_cnpj', '16.727.230/0001-98'],
  ['ae_trn', '10012345670000'],
  ['hk_br', '1234567A'],
];

describe('tax ID formats', () => {
  it.each(VALID)('%s accepts %s as %s', (type, typed, stored) => {
    expect(TAX_ID_FORMATS[type].normalize(typed)).toBe(stored);
  });

  it.each(INVALID)('%s refuses %s', (type, typed) => {
    expect(TAX_ID_FORMATS[type].normalize(typed)).toBeNull();
  });

  it('refuses a country prefix with no number after it, for every EU member state (no validator throws)', () => {
    for (const country of ['AT', 'BE', 'DE', 'EL', 'FR', 'NL', 'XI', 'ES', 'IT', 'PL', 'SE'])
      for (const typed of [country, `${country} `, `${country}-`, `${country}0`])
        expect(TAX_ID_FORMATS.eu_vat.normalize(typed), typed).toBeNull();
  });

  it('every format accepts nothing empty, and what it accepts it accepts again unchanged (normalizing is idempotent)', () => {
    const types = Object.keys(TAX_ID_FORMATS) as KnownTaxIdType[];
    const samples = fc.oneof(
      fc.constantFrom(...VALID.map(([, typed]) => typed)),
      fc.constantFrom(...types.map((t) => TAX_ID_FORMATS[t].example)),
      fc.stringMatching(/^[0-9A-Z .\-/]{0,20}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...types), samples, (type, typed) => {
        const format = TAX_ID_FORMATS[type];
        expect(format.normalize('')).toBeNull();
        const once = format.normalize(typed);
        if (once !== null) expect(format.normalize(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the tax IDs the checkout page takes', () => {
  it('recognizes the type from the country and the number, adding an EU member state’s prefix when it was left out', () => {
    expect(recognizeTaxId('DE', '136695976')).toEqual({ type: 'eu_vat', value: 'DE136695976' });
    expect(recognizeTaxId('DE', 'DE 136 695 976')).toEqual({ type: 'eu_vat', value: 'DE136695976' });
    expect(recognizeTaxId('GR', '094259216')).toEqual({ type: 'eu_vat', value: 'EL094259216' });
    expect(recognizeTaxId('FR', 'FR40303265045')).toEqual({ type: 'eu_vat', value: 'FR40303265045' });
    expect(recognizeTaxId('GB', 'GB980780684')).toEqual({ type: 'gb_vat', value: 'GB980780684' });
    expect(recognizeTaxId('GB', 'XI980780684')).toEqual({ type: 'eu_vat', value: 'XI980780684' });
    expect(recognizeTaxId('CA', '754039725RT0001')).toEqual({ type: 'ca_gst_hst', value: '754039725RT0001' });
    expect(recognizeTaxId('CA', '1224002901TQ0001')).toEqual({ type: 'ca_qst', value: '1224002901TQ0001' });
    expect(recognizeTaxId('AU', '51 824 753 556')).toEqual({ type: 'au_abn', value: '51824753556' });
    expect(recognizeTaxId('US', '12-3456789')).toEqual({ type: 'us_ein', value: '123456789' });
  });

  it("refuses another state's number, a bad check digit, and countries without business tax IDs", () => {
    expect(recognizeTaxId('FR', 'DE136695976')).toBeNull();
    expect(recognizeTaxId('GB', 'DE136695976')).toBeNull();
    expect(recognizeTaxId('DE', 'DE136695978')).toBeNull();
    expect(recognizeTaxId('ZZ', '123456789')).toBeNull();
    expect(taxIdSupported('ZZ')).toBe(false);
    expect(taxIdSupported(null)).toBe(false);
  });

  it('takes a tax ID in all 27 EU member states, the UK, Canada, Australia and the US, each with an example of its own format', () => {
    expect(EU_COUNTRIES).toHaveLength(27);
    for (const country of [...EU_COUNTRIES, 'GB', 'CA', 'AU', 'US', 'CH', 'NO', 'IN', 'JP']) {
      expect(taxIdSupported(country), country).toBe(true);
      const example = taxIdExample(country);
      expect(example, country).toBeTruthy();
    }
    expect(taxIdExample('GR')).toMatch(/^EL/);
    expect(taxIdExample('ZZ')).toBeNull();
  });
});
