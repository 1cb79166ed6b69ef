/** Where each tax system applies, and what its taxes are called on an invoice. */

export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);

/** Countries with one national VAT/GST outside the EU, its tax and the tax ID types of a business registered for it. */
export const NATIONAL_TAX: Readonly<Partial<Record<string, { tax: 'vat' | 'gst' | 'igst' | 'jct'; businessIds: readonly string[] }>>> = {
  GB: { tax: 'vat', businessIds: ['gb_vat'] },
  CH: { tax: 'vat', businessIds: ['ch_vat'] },
  NO: { tax: 'vat', businessIds: ['no_vat'] },
  IS: { tax: 'vat', businessIds: ['is_vat'] },
  AU: { tax: 'gst', businessIds: ['au_abn'] },
  NZ: { tax: 'gst', businessIds: ['nz_gst'] },
  SG: { tax: 'gst', businessIds: ['sg_gst', 'sg_uen'] },
  IN: { tax: 'igst', businessIds: ['in_gst'] },
  JP: { tax: 'jct', businessIds: ['jp_trn'] },
};

/** Canada's provinces with the Harmonized Sales Tax (in place of GST) and those with their own sales tax beside GST. */
export const CA_HST_PROVINCES: ReadonlySet<string> = new Set(['ON', 'NB', 'NL', 'NS', 'PE']);
export const CA_PROVINCIAL_TAX: Readonly<Record<string, 'pst' | 'qst' | 'rst'>> = { BC: 'pst', MB: 'rst', SK: 'pst', QC: 'qst' };

/**
 * Where shipping charged with goods does not take their rate: US states (each its own rule on delivery charges) and
 * Japan (a delivery fee is a service of its own under the consumption tax, at 10 % even for food at 8 %).
 */
export const SHIPPING_OWN_RATE: ReadonlySet<string> = new Set(['US', 'JP']);

export const DISPLAY_NAMES = {
  vat: 'VAT',
  gst: 'GST',
  hst: 'HST',
  pst: 'PST',
  qst: 'QST',
  rst: 'RST',
  igst: 'IGST',
  jct: 'JCT',
  sales_tax: 'Sales Tax',
} as const;

/** The country an EU VAT number belongs to: its prefix, EL being Greece and XI Northern Ireland (under the UK's VAT for services). */
export function vatCountry(value: string): string {
  const prefix = value.slice(0, 2).toUpperCase();
  return prefix === 'EL' ? 'GR' : prefix === 'XI' ? 'GB' : prefix;
}
