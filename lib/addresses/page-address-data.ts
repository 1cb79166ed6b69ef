import type { AddressFormData, Subdivisions } from './address-form-data';
import { addressRules, compactAddressRules } from './address-rules';
import { defaultCountry } from './default-country';

/**
 * What the checkout page's pay form gets to lay out its addresses: every offered country's fields, requirements
 * and field names, the country each address starts on (the browser's region) with that country's subdivisions,
 * and where the form fetches another country's.
 */
export function addressFormData(
  sessionId: string,
  locale: string,
  p: { acceptLanguage: string | null; sessionLocale: string | null; billing: readonly string[]; shipping: readonly string[] | null },
): AddressFormData {
  const start = defaultCountry(p.acceptLanguage, p.sessionLocale, p.billing);
  const subdivisionsOf = (country: string | null): Subdivisions | null =>
    country ? { country, list: addressRules(country, locale)?.subdivisions ?? null } : null;
  return {
    rules: compactAddressRules([...new Set([...p.billing, ...(p.shipping ?? [])])]),
    subdivisions: { billing: subdivisionsOf(start), shipping: start && p.shipping?.includes(start) ? subdivisionsOf(start) : null },
    subdivisionsUrl: `/c/${sessionId}/address`,
    defaultCountry: start,
  };
}
