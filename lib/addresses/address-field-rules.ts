/**
 * What the pay form's schema needs to know of a country's address: the fields it writes (in order) and which are
 * required, and, on the server only, the postal code's pattern and the state's codes. Safe in the browser.
 */
export type AddressField = 'line1' | 'city' | 'state' | 'postal_code';

export type AddressFieldRules = {
  order: readonly AddressField[];
  required: readonly AddressField[];
  postalPattern: RegExp | null;
  /** A valid postal code to show in the error (server only), or null. */
  postalExample: string | null;
  /** The country's subdivisions by every way of writing one (its code, its names), upper-cased, to its code; null: any. */
  states: ReadonlyMap<string, string> | null;
};

export type AddressRulesLookup = (country: string) => AddressFieldRules | null;

/** What a country calls its state, postal code and city: message keys under Address.region, .postal and .locality. */
export type AddressLabels = { state: string; postal: string; locality: string };

/** The usual names, which most countries' data leaves implicit. */
export const DEFAULT_LABELS: AddressLabels = { state: 'province', postal: 'postal', locality: 'city' };

/**
 * The browser's share of every country's rules, small enough to ship with the page: for each country the fields it
 * writes (in order) and those it requires, as letters (`ACSZ`: lines, city, state, postal code), and the names it
 * gives them where they differ from DEFAULT_LABELS, e.g. `{ US: ['ACSZ', 'ACSZ', { state: 'state', postal: 'zip' }] }`.
 */
export type CompactAddressRules = Readonly<Record<string, readonly [fields: string, required: string, labels?: Partial<AddressLabels>]>>;

const FIELDS: Readonly<Record<string, AddressField>> = { A: 'line1', C: 'city', S: 'state', Z: 'postal_code' };
const fieldsOf = (letters: string) => letters.split('').map((l) => FIELDS[l]);

/** The lookup the browser's schema uses: fields and requirements only (the server checks patterns and codes). */
export function compactLookup(compact: CompactAddressRules): AddressRulesLookup {
  return (country) => {
    if (!Object.hasOwn(compact, country)) return null;
    const [fields, required] = compact[country];
    return { order: fieldsOf(fields), required: fieldsOf(required), postalPattern: null, postalExample: null, states: null };
  };
}

/** A country's field names from the compact rules (the usual ones for a country it does not list). */
export function compactLabels(compact: CompactAddressRules, country: string | undefined): AddressLabels {
  const labels = country && Object.hasOwn(compact, country) ? compact[country][2] : undefined;
  return { ...DEFAULT_LABELS, ...labels };
}
