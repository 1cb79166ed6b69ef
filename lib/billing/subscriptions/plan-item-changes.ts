import type { Queryable } from '@/db/client';
import { pricesByIds, productsByIds, taxRatesByIds, type PriceRow, type ProductRef, type TaxRateRow } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { subscriptionItemsOf, type SubscriptionItemRow, type SubscriptionRow } from '@/db/queries/subscriptions';
import { invalidRequest } from '@/lib/api/errors';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { withinChargeLimit } from '@/lib/checkout/charge-limit';
import { taxRatesRefused } from '@/lib/checkout/session-rules';
import type { AmountCulprit } from '@/lib/pricing/amount-limit';
import { newId } from '@/lib/util/ids';
import { present } from '@/lib/util/present';
import { automaticInvoiceTax, draftValues } from '../invoices/automatic-invoice-tax';
import { cycleLines } from '../invoices/cycle-lines';
import { itemProrations, type ProrationLine } from '../proration';
import { billedBy, discountInForce, prorationWindow, type ProrationRef } from './proration-sides';

export type ProrationBehavior = 'create_prorations' | 'always_invoice' | 'none';

/** What a request asks of one item; `param` is where its parameters are in the request (`items[0]`, or '' for /v1/subscription_items). */
export type ItemChange =
  | { action: 'add'; param: string; price: string; quantity?: number; taxRates?: string[] | null; metadata?: Record<string, string> | null }
  | {
      action: 'update';
      param: string;
      id: string;
      price?: string;
      quantity?: number;
      taxRates?: string[] | null;
      metadata?: Record<string, string> | null;
    }
  | { action: 'delete'; param: string; id: string };

export type ChangeOptions = { prorationBehavior?: ProrationBehavior; prorationDate?: number; now: Date };

/** An item as the change leaves it; `before` is its row, or null for a new item. */
export type PlannedItem = {
  id: string;
  priceId: string;
  quantity: number;
  taxRateIds: string[];
  metadata: Record<string, string>;
  before: SubscriptionItemRow | null;
};

export type ItemPlan = {
  sub: SubscriptionRow;
  behavior: ProrationBehavior;
  /** The subscription's time: its test clock's, when it has one. */
  now: Date;
  /** The moment the prorations are computed for (unix seconds). */
  at: number;
  /** Every live item once the change is made, in the subscription's order. */
  items: PlannedItem[];
  deleted: SubscriptionItemRow[];
  prorations: ProrationLine<ProrationRef>[];
  prices: Map<string, PriceRow>;
  products: Map<string, ProductRef>;
  rates: Map<string, TaxRateRow>;
};

const MAX_ITEMS = 20;
const at = (prefix: string, field: string) => (prefix ? `${prefix}[${field}]` : field);
const intervalOf = (price: PriceRow) => `${price.recurring?.interval ?? ''}/${String(price.recurring?.interval_count ?? 1)}`;

function checkChangeable(sub: SubscriptionRow): void {
  if (sub.status === 'canceled')
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.', 'items');
  if (sub.status === 'incomplete_expired') throw invalidRequest('An expired incomplete subscription cannot be updated.', 'items');
}

function checkPrice(price: PriceRow | undefined, id: string, param: string, currency: string): PriceRow {
  if (!price) throw invalidRequest(`No such price: '${id}'`, param, 'resource_missing');
  if (!price.active) throw invalidRequest('The price specified is inactive. This field only accepts active prices.', param);
  if (price.type !== 'recurring' || !price.recurring)
    throw invalidRequest('The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.', param);
  if (price.unitAmount === null && price.unitAmountDecimal === null)
    throw invalidRequest('Prices with a custom unit amount cannot be used on subscriptions.', param);
  if (price.currency !== currency && !price.currencyOptions?.[currency])
    throw invalidRequest(
      'Currency and interval fields must match across all plans on this subscription. Found mismatch in currency field.',
      param,
    );
  return price;
}

function checkRates(ids: string[], param: string, rates: Map<string, TaxRateRow>): void {
  ids.forEach((id, j) => {
    const rate = rates.get(id);
    if (!rate) throw invalidRequest(`No such tax rate: '${id}'`, `${param}[${j}]`, 'resource_missing');
    if (!rate.active) throw invalidRequest(`Tax rate ${id} is inactive.`, `${param}[${j}]`);
  });
}

/** Every item after the change, each with the change that made it (to name parameters in errors). */
function applyChanges(
  current: SubscriptionItemRow[],
  changes: ItemChange[],
): { items: (PlannedItem & { param: string })[]; deleted: SubscriptionItemRow[] } {
  const byId = new Map(changes.flatMap((c) => (c.action === 'add' ? [] : [[c.id, c] as const])));
  const deleted: SubscriptionItemRow[] = [];
  const items: (PlannedItem & { param: string })[] = [];
  for (const row of current) {
    const c = byId.get(row.id);
    if (c?.action === 'delete') {
      deleted.push(row);
      continue;
    }
    const priceChanged = c?.price !== undefined && c.price !== row.priceId;
    items.push({
      id: row.id,
      priceId: c?.price ?? row.priceId,
      // Stripe: a new price starts at quantity 1 unless a quantity is given.
      quantity: c?.quantity ?? (priceChanged ? 1 : row.quantity),
      taxRateIds: c?.taxRates === undefined ? row.taxRateIds : (c.taxRates ?? []),
      metadata: mergeMetadata(row.metadata, c?.metadata),
      before: row,
      param: c?.param ?? '',
    });
  }
  for (const c of changes)
    if (c.action === 'add')
      items.push({
        id: newId('si'),
        priceId: c.price,
        quantity: c.quantity ?? 1,
        taxRateIds: c.taxRates ?? [],
        metadata: initialMetadata(c.metadata),
        before: null,
        param: c.param,
      });
  return { items, deleted };
}

/**
 * Checks a change of a subscription's items against Stripe's rules and works out what it does: the items it
 * leaves and the prorations it makes (none under `proration_behavior=none`, nor while the subscription is
 * trialing, as nothing was charged for the trial). Writes nothing: the change applies the plan, a preview
 * shows it, so both come to the same amounts.
 */
export async function planItemChanges(db: Queryable, sub: SubscriptionRow, changes: ItemChange[], opts: ChangeOptions): Promise<ItemPlan> {
  checkChangeable(sub);
  const asked = changes.flatMap((c) => (c.action !== 'delete' && c.price !== undefined ? [c] : []));
  const { current, prices, rates, products } = await itemReferences(db, sub, {
    priceIds: asked.map((c) => c.price ?? ''),
    rateIds: changes.flatMap((c) => (c.action !== 'delete' && c.taxRates ? c.taxRates : [])),
  });
  const seen = new Set<string>();
  for (const c of changes) {
    if (c.action === 'add') continue;
    if (!current.some((i) => i.id === c.id))
      throw invalidRequest(`No such subscription item: '${c.id}'`, at(c.param, 'id'), 'resource_missing');
    if (seen.has(c.id)) throw invalidRequest(`The subscription item ${c.id} is given more than once.`, at(c.param, 'id'));
    seen.add(c.id);
  }
  for (const c of asked) checkPrice(prices.get(c.price ?? ''), c.price ?? '', at(c.param, 'price'), sub.currency);
  for (const c of changes) {
    if (c.action === 'delete' || !c.taxRates) continue;
    if (sub.automaticTax && c.taxRates.length) throw taxRatesRefused(at(c.param, 'tax_rates'));
    checkRates(c.taxRates, at(c.param, 'tax_rates'), rates);
  }

  const { items, deleted } = applyChanges(current, changes);
  checkItems(items, current, prices);
  await checkChargeLimit(db, { sub, items, prices, products, rates });
  const billed = current.at(0) ? prices.get(current[0].priceId)?.recurring : undefined;
  const recurrence = billed ? { interval: billed.interval, intervalCount: billed.interval_count } : null;
  const window = await prorationWindow(db, sub, { ...opts, recurrence });
  const behavior = opts.prorationBehavior ?? 'create_prorations';
  const plan: ItemPlan = { sub, behavior, now: window.now, at: window.at, items, deleted, prorations: [], prices, products, rates };
  if (behavior === 'none' || sub.status === 'trialing') return plan;
  const discount = await discountInForce(db, sub, window.at);
  const side = (row: { id: string; priceId: string; quantity: number; taxRateIds: string[] }) =>
    billedBy({ ...row, currency: sub.currency, prices, products, discount });
  const sameSubscriptionItems = [
    ...items.map((i) => ({ before: i.before, after: i })),
    ...deleted.map((d) => ({ before: d, after: null })),
  ];
  for (const { before, after } of sameSubscriptionItems)
    plan.prorations.push(
      ...itemProrations({
        before: before && side(before),
        after: after && side(after),
        same: before?.priceId === after?.priceId,
        window: window.window,
      }),
    );
  return plan;
}

/**
 * A period of the items the change leaves must cost no more than the currency can be charged (the
 * subscription's discount and, under automatic tax, the tax added on top counted), as Stripe's
 * `amount_too_large` says, naming the item that crossed it.
 */
async function checkChargeLimit(
  db: Queryable,
  p: {
    sub: SubscriptionRow;
    items: (PlannedItem & { param: string })[];
    prices: Map<string, PriceRow>;
    products: Map<string, ProductRef>;
    rates: Map<string, TaxRateRow>;
    /** The parameter to name whatever crosses the limit, when the request changed no item. */
    param?: string;
  },
): Promise<void> {
  const { sub, items } = p;
  const coupon = sub.discount ? await findCoupon(db, { accountId: sub.accountId, id: sub.discount.coupon, includeDeleted: true }) : null;
  const paramOf = (culprit: AmountCulprit) => {
    if (p.param) return p.param;
    const item = items.find((i) => culprit.kind === 'line' && i.id === culprit.key);
    return item ? at(item.param, item.before?.priceId === item.priceId ? 'quantity' : 'price') : 'items';
  };
  const period = { start: sub.currentPeriodEnd, end: sub.currentPeriodEnd };
  // Taxed as the renewal will be: the customer as they are now, at the period's end.
  const tax = sub.automaticTax
    ? await automaticInvoiceTax(db, sub, {
        items: items.map((i) => ({ id: i.id, priceId: i.priceId, productId: p.prices.get(i.priceId)?.productId ?? null })),
        at: sub.currentPeriodEnd,
        loaded: { prices: p.prices, products: p.products },
        values: () => draftValues(cycleLines({ ...p, coupon, period, automatic: new Map() })),
      })
    : null;
  withinChargeLimit(sub.currency, 'recurring', paramOf, () => cycleLines({ ...p, coupon, period, automatic: tax?.automatic }));
}

/**
 * A change of the subscription's tax settings alone (`automatic_tax` turned on, `default_tax_rates` set): the
 * items as they are must still fit in a charge once taxed the new way, or the change is refused naming `param`.
 */
export async function checkTaxSettingsChargeLimit(db: Queryable, sub: SubscriptionRow, param: string): Promise<void> {
  const { current, prices, rates, products } = await itemReferences(db, sub, { priceIds: [], rateIds: [] });
  const items = current.map((row) => ({ ...row, before: row, param: '' }));
  await checkChargeLimit(db, { sub, items, prices, products, rates, param });
}

/**
 * A subscription's items as they are and everything they and a change refer to: the prices (theirs and `priceIds`),
 * those prices' products, the tax rates (theirs, the subscription's defaults and `rateIds`). Unknown ids are left out.
 */
async function itemReferences(db: Queryable, sub: SubscriptionRow, extra: { priceIds: string[]; rateIds: string[] }) {
  const accountId = sub.accountId;
  const current = await subscriptionItemsOf(db, { accountId, subscriptionIds: [sub.id] });
  const prices = await pricesByIds(db, accountId, [...current.map((i) => i.priceId), ...extra.priceIds]);
  const rates = await taxRatesByIds(db, accountId, [...extra.rateIds, ...current.flatMap((i) => i.taxRateIds), ...sub.defaultTaxRateIds]);
  const products = await productsByIds(
    db,
    accountId,
    [...prices.values()].map((price) => price.productId),
  );
  return { current, prices, rates, products };
}

/** What Stripe refuses of the items a change leaves: none, too many, a price twice, two billing intervals. */
function checkItems(items: (PlannedItem & { param: string })[], current: SubscriptionItemRow[], prices: Map<string, PriceRow>): void {
  if (!items.length)
    throw invalidRequest(
      'A subscription must have at least one active price. To cancel a subscription, use the cancel endpoint (DELETE /v1/subscriptions/{id}).',
      'items',
    );
  if (items.length > MAX_ITEMS) throw invalidRequest(`A subscription can have at most ${MAX_ITEMS} items.`, 'items');
  const seenPrices = new Set<string>();
  for (const item of items) {
    if (seenPrices.has(item.priceId))
      throw invalidRequest(
        `Cannot add multiple subscription items with the same price: ${item.priceId}. Update the quantity of the existing item instead.`,
        at(item.param, 'price'),
      );
    seenPrices.add(item.priceId);
  }
  // Every price is loaded by now: the current ones and every one asked for.
  const interval = (priceId: string) => intervalOf(present(prices.get(priceId), `price ${priceId}`));
  const reference = current.at(0) ? interval(current[0].priceId) : interval(items[0].priceId);
  const off = items.filter((i) => interval(i.priceId) !== reference);
  const first = off.at(0);
  if (!first) return;
  if (off.length === items.length && off.every((i) => interval(i.priceId) === interval(first.priceId)))
    throw invalidRequest(
      'Changing the billing interval of a subscription is not supported by Caisse: its prices must keep the interval it bills on.',
      at(first.param, 'price'),
    );
  throw invalidRequest(
    'Currency and interval fields must match across all plans on this subscription. Found mismatch in interval field.',
    at(first.param, 'price'),
  );
}
