import { currencyExponent } from './currencies';

/**
 * An amount typed by a person in major units ("12.50", "12,5", "500") as integer minor units,
 * read as text so no float ever touches money. Null when it is not a plain non-negative
 * number or has more decimals than the currency has (jpy takes none, kwd three).
 */
export function majorToMinor(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  // A comma is the decimal separator in French and many other locales; no thousands separators.
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!m) return null;
  const fraction = (m.at(2) ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  const minor = BigInt(m[1]) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/** Minor units as the plain major-unit text a form field shows: 2500 eur → "25.00", 500 jpy → "500". */
export function minorToMajor(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const s = String(minor).padStart(exponent + 1, '0');
  return `${s.slice(0, -exponent)}.${s.slice(-exponent)}`;
}
