import type { Queryable, Tx } from '@/db/client';
import type { CustomerRow } from '@/db/queries/customers';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { taxIdsOfCustomer } from '@/db/queries/tax-ids';
import type { StoredTaxInputs } from '@/db/schema/checkout-json';
import type { Address } from '@/db/schema/customers';
import { addressRules } from '@/lib/addresses/address-rules';
import { invalidRequest } from '@/lib/api/errors';
import { buildPricingInput } from './pricing-input';
import type { ResolvedLine } from './resolve-line-items';
import { automaticTaxRates } from '@/db/queries/automatic-tax-rates';
import { productsByIds, type PriceRow, type ShippingRateRow, type TaxRateRow } from '@/db/queries/checkout-refs';
import { env } from '@/lib/env';
import { convertAmount, exchangeRate } from '@/lib/fx/fx-rates';
import { computeTotals } from '@/lib/pricing/compute-totals';
import { calculateTax, taxBehaviorOf, type TaxableItem } from '@/lib/tax/calculate-tax';
import { merchantTax } from '@/lib/tax/merchant-tax';
import { SHIPPING_TAX_CODE } from '@/lib/tax/tax-codes';
import type { AppliedTax, TaxCustomer, TaxRegistration } from '@/lib/tax/types';
import { newId } from '@/lib/util/ids';

export type AutomaticTaxStatus = 'complete' | 'requires_location_inputs';

export type AutomaticTaxResult = {
  status: AutomaticTaxStatus;
  /** Rates per line key; empty while the location is unknown. */
  lines: Map<string, TaxRateRow[]>;
  shipping: TaxRateRow[];
  /** Shipping split among the goods' rates (goods of several rates): each share's rates and the line keys that weigh it. */
  shippingShares: ShippingShare[];
};

export type ShippingShare = { weightedBy: string[]; rates: TaxRateRow[] };

type StoredTaxLocation = NonNullable<StoredTaxInputs['location']>;

const SHIPPING_KEY = '\u0000shipping';

/**
 * A session's automatic tax: the engine's taxes for its lines and shipping,
 * as the account's Tax Rates (made once per distinct rate), ready for the
 * pricing engine. The one place sessions turn lib/tax's answer into rates.
 */
export async function automaticTaxFor(
  db: Queryable,
  p: {
    accountId: string;
    livemode: boolean;
    currency: string;
    /**
     * What is sold: a key, the tax behaviour its price says ('unspecified': the account's default), its product's tax
     * code.
     */
    lines: { key: string; taxBehavior: PriceRow['taxBehavior']; taxCode: string | null }[];
    /**
     * What each line costs after discounts in `currency` (linesValue), asked only of a merchant registered for the
     * import scheme; absent: its €150 limit is not checked.
     */
    values?: () => Map<string, number>;
    shipping: ShippingRateRow | null;
    customer: TaxCustomer;
    at: Date;
  },
): Promise<AutomaticTaxResult> {
  const merchant = await merchantTax(db, p.accountId, p.at);
  // Tax is inside or on top of a price as it says, else as the account's default says (checked when the session was made).
  const behavior = (own: PriceRow['taxBehavior']) => taxBehaviorOf(own, merchant.settings.defaults, p.currency) ?? 'exclusive';
  const toEur = p.values && (await eurValue(db, merchant.registrations, p.currency, p.at));
  const values = toEur ? p.values?.() : undefined;
  const items: TaxableItem[] = p.lines.map((l) => {
    const value = values?.get(l.key);
    return {
      key: l.key,
      taxCode: l.taxCode,
      taxBehavior: behavior(l.taxBehavior),
      ...(toEur && value !== undefined && { valueEur: toEur(value) }),
    };
  });
  if (p.shipping)
    items.push({ key: SHIPPING_KEY, taxCode: p.shipping.taxCode ?? SHIPPING_TAX_CODE, taxBehavior: behavior(p.shipping.taxBehavior) });
  const result = calculateTax({ ...merchant, customer: p.customer, items, at: p.at });
  if (result.status !== 'complete') return { status: result.status, lines: new Map(), shipping: [], shippingShares: [] };

  const shares = (p.shipping && result.shares.get(SHIPPING_KEY)) || [];
  const applied = [...result.taxes.values(), ...shares.map((share) => share.taxes)].flat();
  const rows = await automaticTaxRates(
    db,
    p.accountId,
    applied.map((t) => rateColumns(t, p.livemode)),
  );
  const rowsOf = (taxes: AppliedTax[]) => taxes.flatMap((t) => rows.get(automaticKey(t)) ?? []);
  return {
    status: 'complete',
    lines: new Map(p.lines.map((l) => [l.key, rowsOf(result.taxes.get(l.key) ?? [])])),
    shipping: p.shipping ? rowsOf(result.taxes.get(SHIPPING_KEY) ?? []) : [],
    shippingShares: shares.map((share) => ({ weightedBy: share.weightedBy, rates: rowsOf(share.taxes) })),
  };
}

/**
 * Amounts of `currency` in euro cents, for the import scheme's €150 limit: null (and no rate read) when the merchant
 * has no IOSS registration (the limit concerns nothing), a conversion giving null when no exchange rate younger than
 * FX_MAX_AGE_DAYS is known (the goods cannot be shown to be within it).
 */
async function eurValue(db: Queryable, registrations: readonly TaxRegistration[], currency: string, at: Date) {
  if (!registrations.some((r) => r.type === 'ioss')) return null;
  const quote = await exchangeRate(db, { from: currency, to: 'eur', now: at, maxAgeDays: env().FX_MAX_AGE_DAYS });
  return (amount: number) => (quote ? convertAmount(amount, currency, 'eur', quote.rate) : null);
}

/**
 * What each line costs after discounts, tax included where its price includes it, none added: the goods' value the
 * import scheme's limit weighs (automaticTaxFor). Amounts do not depend on the rates (a discount falls on the price
 * as it is), so they are known before the tax is.
 */
export function linesValue(input: Parameters<typeof buildPricingInput>[0]): Map<string, number> {
  const untaxed = buildPricingInput({ ...input, lines: input.lines.map((l) => ({ ...l, taxRates: [] })), shipping: null });
  return new Map(computeTotals(untaxed).lines.map((l) => [l.key, l.amountSubtotal - l.amountDiscount]));
}

/** What makes two automatic rates the same Tax Rate: jurisdiction, tax, percentages, behaviour and reason. */
export function automaticKey(t: AppliedTax): string {
  // A statutory rate other than the one applied (a zero-rated reason) is told apart; otherwise the key is as it was.
  const percentages = t.statutoryPercentage === t.percentage ? t.percentage : `${t.percentage}:${t.statutoryPercentage}`;
  return [t.country, t.state ?? '', t.taxType, percentages, t.inclusive ? 'inclusive' : 'exclusive', t.taxabilityReason].join('/');
}

function rateColumns(t: AppliedTax, livemode: boolean) {
  return {
    id: newId('txr'),
    livemode,
    automaticKey: automaticKey(t),
    displayName: t.displayName,
    percentage: t.percentage,
    statutoryPercentage: t.statutoryPercentage === t.percentage ? null : t.statutoryPercentage,
    inclusive: t.inclusive,
    country: t.country,
    state: t.state,
    jurisdiction: t.jurisdiction,
    jurisdictionLevel: t.jurisdictionLevel,
    taxType: t.taxType,
    taxabilityReason: t.taxabilityReason,
  };
}

/** Where an address is, for tax: its country and, as a code, its state or province; null without a country. */
export function taxLocation(address: Pick<Address, 'country' | 'state' | 'postal_code'> | null | undefined): StoredTaxLocation | null {
  const country = address?.country?.trim().toUpperCase();
  if (!country) return null;
  const state = address?.state?.trim() || null;
  return {
    country,
    state: state ? (addressRules(country)?.states?.get(state.toUpperCase()) ?? state.toUpperCase()) : null,
    postal_code: address?.postal_code?.trim() || null,
  };
}

/**
 * Who the customer is, for tax: where a session's page says they are (`inputs`; an invoice has none), else the
 * Customer's shipping, else its address; the tax IDs typed and those the Customer holds; the Customer's tax_exempt.
 */
export async function taxCustomerOf(
  tx: Queryable,
  p: { accountId: string; customer: CustomerRow | null; inputs: StoredTaxInputs | null | undefined },
): Promise<TaxCustomer> {
  const customer = p.customer;
  const held = customer ? await taxIdsOfCustomer(tx, { accountId: p.accountId, customerId: customer.id }) : [];
  // A form without an address (a saved card) leaves the Customer's.
  const location = p.inputs?.location ?? taxLocation(customer?.shipping?.address ?? customer?.address);
  return {
    location: location && { country: location.country, state: location.state, postalCode: location.postal_code },
    taxExempt: customer?.taxExempt ?? 'none',
    taxIds: [...(p.inputs?.tax_ids ?? []), ...held],
  };
}

/** automaticTaxFor a stored session: its customer (as the caller read it), its lines' products, what the page was told. */
export async function sessionAutomaticTax(
  tx: Tx,
  session: SessionRow,
  p: {
    lines: { key: string; price: PriceRow }[];
    shipping: ShippingRateRow | null;
    customer: CustomerRow | null;
    at: Date;
    /** Each line's value (linesValue), computed only when the import scheme's limit needs it. */
    values: () => Map<string, number>;
  },
): Promise<AutomaticTaxResult> {
  const { lines, shipping, customer, at } = p;
  const accountId = session.accountId;
  const products = await productsByIds(
    tx,
    accountId,
    lines.map((l) => l.price.productId),
  );
  return automaticTaxFor(tx, {
    accountId,
    livemode: session.livemode,
    currency: session.currency ?? '',
    lines: lines.map((l) => ({
      key: l.key,
      taxBehavior: l.price.taxBehavior,
      taxCode: products.get(l.price.productId)?.taxCode ?? null,
    })),
    values: p.values,
    shipping,
    customer: await taxCustomerOf(tx, { accountId, customer, inputs: session.automaticTax.inputs }),
    at,
  });
}

/** Automatic tax asked for before the account's tax settings say where it is. */
export const noHeadOffice = () =>
  invalidRequest(
    'Automatic tax needs a head office address in your tax settings (POST /v1/tax/settings with head_office[address]).',
    'automatic_tax[enabled]',
  );

/**
 * Automatic tax for a session being created: refused as Stripe refuses it
 * (no head office in the tax settings; a price whose tax behaviour nothing
 * decides; a Customer without an address that the page may not fill in), else
 * the taxes for what is known of the customer so far.
 */
export async function automaticTaxAtCreation(
  tx: Tx,
  p: {
    accountId: string;
    currency: string;
    lines: ResolvedLine[];
    shipping: ShippingRateRow | null;
    customer: CustomerRow | null;
    customerUpdate: { address?: string; shipping?: string } | undefined;
    at: Date;
    /** The chosen lines' values (linesValue), computed only when the import scheme's limit needs it. */
    values: () => Map<string, number>;
  },
): Promise<AutomaticTaxResult> {
  const { settings } = await merchantTax(tx, p.accountId, p.at);
  if (!settings.headOffice) throw noHeadOffice();
  for (const line of p.lines)
    if (taxBehaviorOf(line.price.taxBehavior, settings.defaults, p.currency) === null)
      throw invalidRequest(
        `The price ${line.price.id} has no tax_behavior and your tax settings set no default: automatic tax cannot tell whether tax is included in it.`,
        line.price.inline ? `${line.param}[price_data][tax_behavior]` : `${line.param}[price]`,
      );
  if (
    p.customer &&
    !taxLocation(p.customer.shipping?.address ?? p.customer.address) &&
    p.customerUpdate?.address !== 'auto' &&
    p.customerUpdate?.shipping !== 'auto'
  )
    throw invalidRequest(
      "Automatic tax calculation in Checkout requires a valid address on the Customer. Add a valid address to the Customer or set either `customer_update[address]` to 'auto' or `customer_update[shipping]` to 'auto' to save the address entered in Checkout.",
      'customer_update',
    );
  return automaticTaxFor(tx, {
    accountId: p.accountId,
    livemode: false,
    currency: p.currency,
    // Optional items not yet chosen are not bought: they neither pay tax nor weigh in shipping's split (the page
    // re-prices with them once chosen). Their tax behaviour was checked above all the same.
    lines: p.lines.filter((l) => l.selected).map((l) => ({ key: l.id, taxBehavior: l.price.taxBehavior, taxCode: l.product.taxCode })),
    values: p.values,
    shipping: p.shipping,
    customer: await taxCustomerOf(tx, { accountId: p.accountId, customer: p.customer, inputs: null }),
    at: p.at,
  });
}
