import { checkoutTaxIdTypes, TAX_ID_COUNTRIES } from './checkout-tax-id-types';
import { euVatOf, TAX_ID_FORMATS, type KnownTaxIdType, type TaxIdFormat } from './tax-id-formats';

/** The format of a type as the page checks it for a country: an EU VAT number typed without its state's prefix gets it. */
function formatFor(type: KnownTaxIdType, country: string): TaxIdFormat {
  return (type === 'eu_vat' && euVatOf(country)) || TAX_ID_FORMATS[type];
}

/** The example shown under the field for this country, or null where no tax ID is taken. */
export function taxIdExample(country: string): string | null {
  const first = checkoutTaxIdTypes(country).at(0);
  return first ? formatFor(first, country).example : null;
}

/**
 * What a customer in `country` typed, as the first of the country's types whose format and check digits it
 * passes: `{ type, value }` with the value in its written form, or null (the page says it is not valid).
 */
export function recognizeTaxId(country: string, typed: string): { type: KnownTaxIdType; value: string } | null {
  for (const type of checkoutTaxIdTypes(country)) {
    const value = formatFor(type, country).normalize(typed);
    if (value) return { type, value };
  }
  return null;
}

/** Every country's example, for the page: the field's hint follows the country the customer picks. */
export function taxIdExamples(): Record<string, string> {
  return Object.fromEntries(TAX_ID_COUNTRIES.flatMap((c) => [[c, taxIdExample(c)]].filter((e): e is [string, string] => e[1] !== null)));
}
