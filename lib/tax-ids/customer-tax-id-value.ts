import { EU_COUNTRIES, isKnownTaxIdType, TAX_ID_FORMATS } from './tax-id-formats';

/**
 * The form a customer's tax ID is stored in: what its format writes (compact, upper case) when its value passes the
 * format and check digits, null when it does not; a type Caisse has no format for is taken as typed, trimmed and
 * upper-cased (null when nothing is left).
 */
export function storedTaxIdValue(type: string, value: string): string | null {
  if (isKnownTaxIdType(type)) return TAX_ID_FORMATS[type].normalize(value);
  const typed = value.trim().toUpperCase();
  return typed || null;
}

/** The member state an EU VAT number's prefix names: its ISO code, but EL is Greece and XI Northern Ireland (GB). */
function euVatCountry(value: string): string | null {
  const prefix = value.slice(0, 2);
  if (prefix === 'EL') return 'GR';
  if (prefix === 'XI') return 'GB';
  return EU_COUNTRIES.includes(prefix) ? prefix : null;
}

/**
 * A stored tax ID's `country`: an EU VAT number's member state, else its format's country, else the country its
 * type is named for (Stripe's types begin with one: `bo_tin`); `eu_oss_vat` belongs to no one member state.
 */
export function taxIdCountry(type: string, value: string): string | null {
  if (type === 'eu_vat') return euVatCountry(value);
  if (isKnownTaxIdType(type)) return TAX_ID_FORMATS[type].country;
  const named = /^([a-z]{2})_/.exec(type)?.[1];
  return named && named !== 'eu' ? named.toUpperCase() : null;
}
