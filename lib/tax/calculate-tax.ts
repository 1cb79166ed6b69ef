import {
  CA_HST_PROVINCES,
  CA_PROVINCIAL_TAX,
  DISPLAY_NAMES,
  EU_COUNTRIES,
  NATIONAL_TAX,
  SHIPPING_OWN_RATE,
  vatCountry,
} from './jurisdictions';
import { rateOn, type TaxCategory, type TaxRateRow } from './rate-table';
import { categoryOf, DEFAULT_TAX_CODE, SHIPPING_TAX_CODE } from './tax-codes';
import type { AppliedTax, MerchantTaxSettings, TaxabilityReason, TaxBehavior, TaxCustomer, TaxLocation, TaxRegistration } from './types';

export type TaxableItem = {
  key: string;
  taxCode: string | null;
  taxBehavior: TaxBehavior;
  /**
   * What the item costs after discounts, in euro cents, tax included where its price includes it: the import
   * scheme's €150 limit reads it (importSchemeCovers). null: not known in euros (no exchange rate), so the limit cannot
   * be shown to hold. Absent: the limit is not checked.
   */
  valueEur?: number | null;
};

/** A part of an item taxed as other items are: its share is in proportion to the amounts of `weightedBy` (their keys). */
export type TaxShare = { weightedBy: string[]; taxes: AppliedTax[] };

/**
 * `taxes`: what each item pays on its whole amount. `shares`: an item split among the goods' rates instead (shipping
 * with goods of several rates), its `taxes` then empty.
 */
export type TaxCalculation =
  { status: 'requires_location_inputs' } | { status: 'complete'; taxes: Map<string, AppliedTax[]>; shares: Map<string, TaxShare[]> };

type Tax = TaxRateRow['tax'];
/** One tax that could fall on a sale to this location, once registrations are known; null when nothing is collected. */
type Levy = { country: string; state: string | null; tax: Tax; collecting: boolean; reverse: boolean };

/**
 * The taxes each item pays, as Stripe Tax decides them: where the customer is,
 * where the merchant is registered, who the customer is (consumer, business
 * with a valid tax ID, exempt) and what the item is (its tax code). Pure: the
 * rates come from the shipped table as in force at `at`.
 */
export function calculateTax(p: {
  settings: MerchantTaxSettings;
  registrations: readonly TaxRegistration[];
  customer: TaxCustomer;
  items: readonly TaxableItem[];
  at: Date;
}): TaxCalculation {
  const result = calculateUnder(p);
  const valued = p.items.some((item) => item.valueEur !== undefined);
  if (result.status !== 'complete' || !valued || !p.registrations.some((r) => r.type === 'ioss')) return result;
  // The import scheme covers a consignment of at most €150; a dearer one is taxed at the border, not here.
  const registrations = p.registrations.filter((r) => r.type !== 'ioss');
  const without = calculateUnder({ ...p, registrations });
  if (without.status !== 'complete' || importSchemeCovers(p.items, result, without)) return result;
  return without;
}

/** The largest consignment the EU's import scheme (IOSS) covers: goods of an intrinsic value of €150 at most. */
export const IMPORT_SCHEME_LIMIT_EUR_CENTS = 15_000;

type Complete = Extract<TaxCalculation, { status: 'complete' }>;

/**
 * Whether the import scheme covers this sale: the goods it taxes (those taxed otherwise without it) are worth €150 at
 * most, net of the VAT their prices include. Items whose value is absent are not counted (shipping, which is no part
 * of the goods' intrinsic value); an item whose value is unknown (null) cannot be shown to be within the limit.
 */
function importSchemeCovers(items: readonly TaxableItem[], under: Complete, without: Complete): boolean {
  let value = 0;
  for (const item of items) {
    const taxes = under.taxes.get(item.key) ?? [];
    const differs = JSON.stringify(taxes) !== JSON.stringify(without.taxes.get(item.key) ?? []);
    if (!differs || item.valueEur === undefined) continue;
    if (item.valueEur === null) return false;
    const inclusive = taxes.filter((t) => t.inclusive).reduce((sum, t) => sum + Number(t.percentage), 0);
    value += (item.valueEur * 100) / (100 + inclusive);
  }
  return Math.round(value) <= IMPORT_SCHEME_LIMIT_EUR_CENTS;
}

function calculateUnder(p: Parameters<typeof calculateTax>[0]): TaxCalculation {
  const location = p.customer.location;
  if (!location || !locationComplete(location)) return { status: 'requires_location_inputs' };
  const codeOf = (item: TaxableItem) => item.taxCode ?? p.settings.defaults.taxCode ?? DEFAULT_TAX_CODE;
  const goods = p.items.filter((item) => codeOf(item) !== SHIPPING_TAX_CODE);
  const taxesOf = (item: TaxableItem, category: TaxCategory | 'exempt') =>
    leviesFor(location, p.settings, p.registrations, p.customer, category).flatMap((levy) => {
      const tax = applyLevy(levy, category, p.customer, p.at);
      return tax ? [{ ...tax, inclusive: item.taxBehavior === 'inclusive' }] : [];
    });
  const taxes = new Map<string, AppliedTax[]>();
  const shares = new Map<string, TaxShare[]>();
  const kinds = [...new Set(goods.map((g) => categoryOf(codeOf(g))))];
  for (const item of p.items) {
    const code = codeOf(item);
    const split = code === SHIPPING_TAX_CODE && kinds.length > 1 && !SHIPPING_OWN_RATE.has(location.country);
    const parts = split ? proportionalShares(item, goods, kinds, codeOf, taxesOf) : [];
    // Kinds of goods taxed alike here (books and goods both at 25 % in Denmark) leave nothing to split.
    if (parts.length > 1) {
      taxes.set(item.key, []);
      shares.set(item.key, parts);
      continue;
    }
    const category = code === SHIPPING_TAX_CODE ? shippingCategory(location, split ? [kinds[0]] : kinds) : categoryOf(code);
    taxes.set(item.key, taxesOf(item, category));
  }
  return { status: 'complete', taxes, shares };
}

/** Reasons that come from what the goods are (not from who buys or where): a proportional share takes their rate. */
const GOODS_REASONS: ReadonlySet<TaxabilityReason> = new Set(['standard_rated', 'reduced_rated', 'zero_rated', 'product_exempt']);

/**
 * Shipping with goods of several rates, where VAT or GST applies: split among the goods' rates in proportion to their
 * amounts (Stripe's `proportionally_rated`), one share per kind of goods, in the order the goods first name them.
 */
function proportionalShares(
  item: TaxableItem,
  goods: readonly TaxableItem[],
  kinds: readonly (TaxCategory | 'exempt')[],
  codeOf: (item: TaxableItem) => string,
  taxesOf: (item: TaxableItem, category: TaxCategory | 'exempt') => AppliedTax[],
): TaxShare[] {
  // Kinds taxed alike (same taxes, same rates) make one share.
  const shares = new Map<string, TaxShare>();
  for (const kind of kinds) {
    const taxes = taxesOf(item, kind).map((t) =>
      GOODS_REASONS.has(t.taxabilityReason) ? { ...t, taxabilityReason: 'proportionally_rated' as const } : t,
    );
    const weightedBy = goods.filter((g) => categoryOf(codeOf(g)) === kind).map((g) => g.key);
    const alike = JSON.stringify(taxes);
    const share = shares.get(alike);
    if (share) share.weightedBy.push(...weightedBy);
    else shares.set(alike, { weightedBy, taxes });
  }
  return [...shares.values()];
}

/**
 * Shipping charged with goods is part of their supply wherever VAT or GST applies: it takes their rate (books' shipping
 * the books' reduced rate; exempt goods' shipping is exempt; goods of several rates share it, proportionalShares).
 * Shipping alone, and in the countries of SHIPPING_OWN_RATE, is at the standard rate.
 */
function shippingCategory(location: TaxLocation, kinds: readonly (TaxCategory | 'exempt')[]): TaxCategory | 'exempt' {
  if (SHIPPING_OWN_RATE.has(location.country) || kinds.length !== 1) return categoryOf(SHIPPING_TAX_CODE);
  return kinds[0];
}

/** The US needs the state and Canada the province to know which tax applies. */
export function locationComplete(location: TaxLocation): boolean {
  if (location.country === 'US' || location.country === 'CA') return Boolean(location.state);
  return /^[A-Z]{2}$/.test(location.country);
}

type Declares = (category: TaxCategory | 'exempt') => boolean;

/**
 * Which sales each EU one-stop-shop scheme declares: the Union scheme every distance sale to a consumer in another
 * member state; the non-Union scheme a seller outside the EU's services; the import scheme (IOSS) goods sent from
 * outside the EU. Shipping (the standard category) goes with goods.
 */
const ONE_STOP_SHOP: ReadonlyMap<string, Declares> = new Map<string, Declares>([
  ['oss_union', () => true],
  ['oss_non_union', (category) => category === 'digital' || category === 'services'],
  ['ioss', (category) => category === 'standard' || category === 'books' || category === 'food'],
]);

function leviesFor(
  location: TaxLocation,
  settings: MerchantTaxSettings,
  registrations: readonly TaxRegistration[],
  customer: TaxCustomer,
  category: TaxCategory | 'exempt',
): Levy[] {
  const dest = location.country;
  const home = settings.headOffice?.country ?? null;
  const registered = (country: string, ...types: string[]) =>
    registrations.some((r) => r.country === country && (types.length === 0 || types.includes(r.type)));
  const business = (types: readonly string[]) => customer.taxExempt === 'reverse' || customer.taxIds.some((id) => types.includes(id.type));

  if (EU_COUNTRIES.has(dest)) {
    const euBusiness =
      customer.taxExempt === 'reverse' || customer.taxIds.some((id) => id.type === 'eu_vat' && vatCountry(id.value) === dest);
    // Registered where the customer is, or through a one-stop shop that declares this kind of sale: the customer's country's VAT.
    const inDest = registered(dest, 'standard') || registrations.some((r) => ONE_STOP_SHOP.get(r.type)?.(category) ?? false);
    // Reverse charge: a business customer in another member state accounts for the VAT itself.
    if (euBusiness && home !== dest)
      return [
        {
          country: dest,
          state: null,
          tax: 'vat',
          collecting: inDest || (home !== null && EU_COUNTRIES.has(home) && registered(home)),
          reverse: true,
        },
      ];
    if (inDest) return [{ country: dest, state: null, tax: 'vat', collecting: true, reverse: false }];
    // Cross-border sales to consumers under the EU threshold (a small seller's registration at home): the home country's VAT.
    const smallSeller = registrations.some((r) => r.country === home && r.type === 'standard' && r.placeOfSupplyScheme === 'small_seller');
    if (home && EU_COUNTRIES.has(home) && smallSeller)
      return [{ country: home, state: null, tax: 'vat', collecting: true, reverse: false }];
    return [{ country: dest, state: null, tax: 'vat', collecting: false, reverse: false }];
  }
  const national = NATIONAL_TAX[dest];
  if (national) {
    const reverse = business(national.businessIds) && home !== dest;
    return [{ country: dest, state: null, tax: national.tax, collecting: registered(dest), reverse }];
  }
  if (dest === 'CA') {
    const province = location.state;
    const federal = registered('CA', 'standard', 'simplified');
    const levies: Levy[] = [
      CA_HST_PROVINCES.has(province ?? '')
        ? { country: 'CA', state: province, tax: 'hst', collecting: federal, reverse: false }
        : { country: 'CA', state: null, tax: 'gst', collecting: federal, reverse: false },
    ];
    const provincial = province ? CA_PROVINCIAL_TAX[province] : undefined;
    if (provincial) {
      // A provincial tax is collected only under that province's own registration (QST included: the federal simplified regime is GST/HST).
      const collecting = registrations.some((r) => r.country === 'CA' && r.type === 'province_standard' && r.state === province);
      levies.push({ country: 'CA', state: province, tax: provincial, collecting, reverse: false });
    }
    return levies;
  }
  if (dest === 'US') {
    const state = location.state;
    return [
      {
        country: 'US',
        state,
        tax: 'sales_tax',
        collecting: registrations.some((r) => r.country === 'US' && r.state === state),
        reverse: false,
      },
    ];
  }
  return [];
}

function applyLevy(levy: Levy, category: TaxCategory | 'exempt', customer: TaxCustomer, at: Date): Omit<AppliedTax, 'inclusive'> | null {
  const shape = {
    country: levy.country,
    state: levy.state,
    jurisdiction: levy.state ?? levy.country,
    jurisdictionLevel: levy.state ? ('state' as const) : ('country' as const),
    taxType: levy.tax,
    displayName: DISPLAY_NAMES[levy.tax],
  };
  // The jurisdiction's rate for the item (an exempt product: its standard rate) is reported even where none is applied.
  const rate = rateOn(
    { country: levy.country, state: levy.state, tax: levy.tax, category: category === 'exempt' ? 'standard' : category },
    at,
  );
  const zero = (taxabilityReason: TaxabilityReason) => ({
    ...shape,
    percentage: '0',
    statutoryPercentage: rate?.row.percentage ?? '0',
    taxabilityReason,
  });
  if (!levy.collecting) return zero('not_collecting');
  if (category === 'exempt') return zero('product_exempt');
  if (customer.taxExempt === 'exempt') return zero('customer_exempt');
  if (levy.reverse) return zero('reverse_charge');
  if (!rate) return zero('not_collecting');
  const { row, standard } = rate;
  return {
    ...shape,
    percentage: row.percentage,
    statutoryPercentage: row.percentage,
    taxabilityReason: row.reason ?? reasonFor(row, standard),
  };
}

function reasonFor(row: TaxRateRow, standard: TaxRateRow): TaxabilityReason {
  if (Number(row.percentage) === 0) return 'zero_rated';
  return Number(row.percentage) < Number(standard.percentage) ? 'reduced_rated' : 'standard_rated';
}

/**
 * Whether tax is inside an item's price: its own tax_behavior, else the
 * account's default (`inferred_by_currency`: on top for USD and CAD, inside
 * for every other currency); null when neither says.
 */
export function taxBehaviorOf(
  own: TaxBehavior | 'unspecified',
  defaults: MerchantTaxSettings['defaults'],
  currency: string,
): TaxBehavior | null {
  if (own !== 'unspecified') return own;
  if (defaults.taxBehavior === 'inferred_by_currency') return currency === 'usd' || currency === 'cad' ? 'exclusive' : 'inclusive';
  return defaults.taxBehavior;
}
