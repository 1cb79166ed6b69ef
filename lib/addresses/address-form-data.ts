import type { CompactAddressRules } from './address-field-rules';

/** A country's subdivisions as the pay form shows them (null: the country has none, the state is typed). */
export type Subdivisions = { country: string; list: { code: string; name: string }[] | null };

/** What the pay form needs to lay out addresses by country: rules for every country, and what the server rendered. */
export type AddressFormData = {
  rules: CompactAddressRules;
  /** The subdivisions of the country each address was rendered with. */
  subdivisions: { shipping: Subdivisions | null; billing: Subdivisions | null };
  /** Where another country's subdivisions are fetched from. */
  subdivisionsUrl: string | null;
  /** The country chosen before the customer picks one (the browser's region), where the address may be there. */
  defaultCountry: string | null;
};

export const NO_ADDRESS_DATA: AddressFormData = {
  rules: {},
  subdivisions: { shipping: null, billing: null },
  subdivisionsUrl: null,
  defaultCountry: null,
};

/** The form's first values: the country defaults to the browser's region where the customer typed none. */
export function withDefaultCountry(values: Record<string, unknown>, country: string | null, shippingCountries: string[] | null) {
  if (!country) return values;
  const filled = (prefix: 'billing' | 'shipping') => {
    const address = (values[prefix] ?? {}) as Record<string, unknown>;
    return address.country ? address : { ...address, country };
  };
  return {
    ...values,
    billing: filled('billing'),
    ...(shippingCountries?.includes(country) ? { shipping: filled('shipping') } : {}),
  };
}
