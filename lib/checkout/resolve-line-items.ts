import type { Tx } from '@/db/client';
import { pricesByIds, productsByIds, taxRatesByIds, type PriceRow, type ProductRef, type TaxRateRow } from '@/db/queries/checkout-refs';
import { insertPriceRow } from '@/db/queries/prices';
import { insertProduct } from '@/db/queries/products';
import { invalidRequest } from '@/lib/api/errors';
import { initialMetadata } from '@/lib/api/params';
import { newId } from '@/lib/util/ids';
import type { CreateCheckoutSessionParams } from '@/lib/validation/checkout-sessions';
import { nestedParam } from '@/lib/catalog/amounts';
import { priceValues } from '@/lib/catalog/price-data';
import { present } from '@/lib/util/present';
import { unitAmountIn } from './pricing-input';

export type ResolvedLine = {
  id: string;
  position: number;
  /** The parameter it came from, e.g. `line_items[0]`, for errors. */
  param: string;
  optional: boolean;
  selected: boolean;
  price: PriceRow;
  product: ProductRef;
  quantity: number;
  adjustableQuantity: { enabled: boolean; minimum: number | null; maximum: number | null } | null;
  taxRates: TaxRateRow[];
  metadata: Record<string, string>;
};

type Mode = NonNullable<CreateCheckoutSessionParams['mode']>;

/** Inline price_data makes a hidden price (and product_data a product), as Stripe does. */
async function createInlinePrice(
  tx: Tx,
  accountId: string,
  data: NonNullable<NonNullable<CreateCheckoutSessionParams['line_items']>[number]['price_data']>,
  at: string,
  knownProducts: Map<string, ProductRef>,
): Promise<PriceRow> {
  let productId = data.product;
  if (productId) {
    if (!knownProducts.has(productId))
      throw invalidRequest(`No such product: '${productId}'`, `${at}[price_data][product]`, 'resource_missing');
  } else {
    const pd = data.product_data;
    // checkCreateRules already refused price_data with neither.
    if (!pd) throw invalidRequest(`Exactly one of product or product_data is required in ${at}[price_data].`, `${at}[price_data][product]`);
    productId = newId('prod');
    const product = await insertProduct(tx, {
      id: productId,
      accountId,
      name: pd.name,
      description: pd.description ?? null,
      images: pd.images ?? [],
      metadata: initialMetadata(pd.metadata),
      taxCode: pd.tax_code ?? null,
      unitLabel: pd.unit_label ?? null,
    });
    knownProducts.set(product.id, {
      id: product.id,
      name: product.name,
      description: product.description,
      images: product.images,
      active: product.active,
      taxCode: product.taxCode,
    });
  }
  return insertPriceRow(tx, {
    id: newId('price'),
    accountId,
    productId,
    active: false,
    inline: true,
    ...priceValues(data, nestedParam(`${at}[price_data]`)),
  });
}

/** A line's `tax_rates` (read with taxRatesByIds' manualOnly), each of the account's own and active, or the error naming the one that is not. */
export function namedTaxRates(taxMap: Map<string, TaxRateRow>, ids: string[], at: string): TaxRateRow[] {
  return ids.map((id, j) => {
    const rate = taxMap.get(id);
    if (!rate) throw invalidRequest(`No such tax rate: '${id}'`, `${at}[tax_rates][${j}]`, 'resource_missing');
    if (!rate.active) throw invalidRequest(`Tax rate ${id} is inactive.`, `${at}[tax_rates][${j}]`);
    return rate;
  });
}

/**
 * Turns line_items and optional_items into priced lines: every price exists,
 * is active, fits the mode and shares one currency, every tax rate exists.
 */
export async function resolveLineItems(
  tx: Tx,
  accountId: string,
  p: CreateCheckoutSessionParams,
): Promise<{ lines: ResolvedLine[]; currency: string | null }> {
  const lineParams = p.line_items ?? [];
  const optionalParams = p.optional_items ?? [];
  const referenced = [...lineParams.flatMap((l) => (l.price ? [l.price] : [])), ...optionalParams.map((o) => o.price)];
  const inlineProducts = lineParams.flatMap((l) => (l.price_data?.product ? [l.price_data.product] : []));
  // subscription_data.default_tax_rates apply to the lines that name none of their own.
  const defaultTaxRates = p.mode === 'subscription' ? (p.subscription_data?.default_tax_rates ?? []) : [];
  const [priceMap, taxMap] = await Promise.all([
    pricesByIds(tx, accountId, referenced),
    taxRatesByIds(tx, accountId, [...lineParams.flatMap((l) => l.tax_rates ?? []), ...defaultTaxRates], { manualOnly: true }),
  ]);
  defaultTaxRates.forEach((id, j) => {
    if (!taxMap.get(id)?.active)
      throw invalidRequest(`No such active tax rate: '${id}'`, `subscription_data[default_tax_rates][${j}]`, 'resource_missing');
  });
  const productMap = await productsByIds(tx, accountId, [...[...priceMap.values()].map((pr) => pr.productId), ...inlineProducts]);

  const lines: ResolvedLine[] = [];
  const entries = [
    ...lineParams.map((l, i) => ({ at: `line_items[${i}]`, optional: false, l })),
    ...optionalParams.map((o, i) => ({
      at: `optional_items[${i}]`,
      optional: true,
      l: { ...o, price_data: undefined, tax_rates: undefined, metadata: undefined },
    })),
  ];
  for (const [position, { at, optional, l }] of entries.entries()) {
    let price: PriceRow;
    if (l.price) {
      const found = priceMap.get(l.price);
      if (!found) throw invalidRequest(`No such price: '${l.price}'`, `${at}[price]`, 'resource_missing');
      if (!found.active) throw invalidRequest(`The price specified is inactive. This field only accepts active prices.`, `${at}[price]`);
      price = found;
    } else if (l.price_data) {
      price = await createInlinePrice(tx, accountId, l.price_data, at, productMap);
    } else {
      // checkCreateRules already refused a line with neither.
      throw invalidRequest(`Exactly one of price or price_data is required in ${at}.`, `${at}[price]`);
    }
    const product = productMap.get(price.productId);
    if (!product) throw invalidRequest(`No such product: '${price.productId}'`, `${at}[price]`, 'resource_missing');
    if (!product.active) throw invalidRequest(`The product for price ${price.id} is inactive.`, `${at}[price]`);
    if (price.unitAmount === null && price.unitAmountDecimal === null)
      throw invalidRequest(`Prices with a custom unit amount are not supported in Checkout Sessions by Caisse.`, `${at}[price]`);
    const taxRates = namedTaxRates(taxMap, l.tax_rates ?? (optional ? [] : defaultTaxRates), at);
    const aq = l.adjustable_quantity;
    lines.push({
      id: newId('li'),
      position,
      param: at,
      optional,
      selected: !optional,
      price,
      product,
      quantity: l.quantity ?? 1,
      adjustableQuantity: aq
        ? { enabled: aq.enabled, minimum: aq.enabled ? (aq.minimum ?? 0) : null, maximum: aq.enabled ? (aq.maximum ?? 99) : null }
        : null,
      taxRates,
      metadata: initialMetadata(l.metadata),
    });
  }
  const currency = p.currency ?? lines.at(0)?.price.currency ?? null;
  checkModeAndCurrency(lines, p.mode as Mode, currency);
  return { lines, currency };
}

function checkModeAndCurrency(lines: ResolvedLine[], mode: Mode, currency: string | null) {
  lines.forEach((line) => {
    const at = `${line.param}[price]`;
    if (currency && !unitAmountIn(line.price, currency))
      throw invalidRequest(
        `The price ${line.price.id} is not available in ${currency}: all prices in a Checkout Session must share one currency.`,
        at,
      );
    if (mode === 'payment' && line.price.type === 'recurring')
      throw invalidRequest(
        'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
        at,
      );
  });
  if (mode === 'subscription') {
    const recurring = lines.filter((l) => l.price.type === 'recurring' && !l.optional);
    if (!recurring.length)
      throw invalidRequest('You must provide at least one recurring price in `subscription` mode when using prices.', 'line_items');
    const key = (l: ResolvedLine) => {
      const r = present(l.price.recurring, `recurring price ${l.price.id}'s interval`);
      return `${r.interval}/${r.interval_count}`;
    };
    if (recurring.some((l) => key(l) !== key(recurring[0])))
      throw invalidRequest('All recurring prices in a subscription must share the same billing interval.', 'line_items');
  }
}
