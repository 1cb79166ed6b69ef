import { eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { clearPriceLookupKey, findPriceByLookupKey, insertPriceRow, updatePriceFields } from '@/db/queries/prices';
import { insertProduct, isDefaultPriceOfProduct } from '@/db/queries/products';
import { prices } from '@/db/schema';
import { invalidRequest, missingParam } from '@/lib/api/errors';
import { createdFilter, listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializePrice } from '@/lib/api/serialize/price';
import { serializeProduct } from '@/lib/api/serialize/product';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import { isUniqueViolation } from '@/lib/util/pg-errors';
import type { CreatePriceParams, ListPricesParams, PriceDataParams, UpdatePriceParams } from '@/lib/validation/prices';
import { normaliseCurrencyOptions, priceValues, type ParamName } from './price-data';
import { getPriceOrThrow, getProductOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

export type NewPrice = PriceDataParams & {
  productId: string;
  id?: string;
  active?: boolean;
  lookup_key?: string;
  transfer_lookup_key?: boolean;
  nickname?: string;
};

const lookupKeyTaken = (holder: string, param: string) =>
  invalidRequest(`A price (\`${holder}\`) already uses that lookup key. Pass transfer_lookup_key=true to move it to this price.`, param);

/** Frees a lookup key for `selfId`: moves it off its holder when the merchant asked to transfer it. */
async function claimLookupKey(
  tx: Queryable,
  scope: AccountScope,
  key: string,
  transfer: boolean | undefined,
  selfId: string,
  param: string,
) {
  const holder = await findPriceByLookupKey(tx, { accountId: scope.accountId, lookupKey: key });
  if (!holder || holder.id === selfId) return;
  if (!transfer) throw lookupKeyTaken(holder.id, param);
  const moved = await clearPriceLookupKey(tx, { accountId: scope.accountId, id: holder.id });
  await recordEvent(tx, {
    accountId: scope.accountId,
    type: 'price.updated',
    object: serializePrice(moved),
    previousAttributes: { lookup_key: key },
    request: scope.request,
  });
}

/**
 * Inserts a price for an existing product inside the caller's transaction and
 * records price.created. Also used by products' `default_price_data`.
 */
export async function insertPrice(tx: Queryable, scope: AccountScope, p: NewPrice, at: ParamName = (k) => k) {
  const values = priceValues(p, at);
  const id = p.id ?? newId('price');
  if (p.lookup_key) await claimLookupKey(tx, scope, p.lookup_key, p.transfer_lookup_key, id, at('lookup_key'));
  const row = await insertPriceRow(tx, {
    id,
    accountId: scope.accountId,
    productId: p.productId,
    active: p.active ?? true,
    lookupKey: p.lookup_key ?? null,
    nickname: p.nickname ?? null,
    metadata: initialMetadata(p.metadata),
    ...values,
  });
  const object = serializePrice(row);
  await recordEvent(tx, { accountId: scope.accountId, type: 'price.created', object, request: scope.request });
  return object;
}

/** The product a price's `product_data` describes, created in the same transaction. */
async function insertProductData(tx: Queryable, scope: AccountScope, d: NonNullable<CreatePriceParams['product_data']>) {
  const row = await insertProduct(tx, {
    id: d.id ?? newId('prod'),
    accountId: scope.accountId,
    name: d.name,
    active: d.active ?? true,
    metadata: initialMetadata(d.metadata),
    statementDescriptor: d.statement_descriptor ?? null,
    taxCode: d.tax_code ?? null,
    unitLabel: d.unit_label ?? null,
  });
  await recordEvent(tx, { accountId: scope.accountId, type: 'product.created', object: serializeProduct(row), request: scope.request });
  return row.id;
}

export async function createPrice(db: Db, scope: AccountScope, p: CreatePriceParams) {
  if (p.product !== undefined && p.product_data)
    throw invalidRequest('You may only specify one of these parameters: product, product_data.', 'product', 'parameters_exclusive');
  if (p.product === undefined && !p.product_data) throw missingParam('product');
  try {
    return await db.transaction(async (tx) => {
      // One of product and product_data is given (checked above).
      const productId = p.product_data
        ? await insertProductData(tx, scope, p.product_data)
        : (await getProductOrThrow(tx, { accountId: scope.accountId, id: p.product ?? '', param: 'product', status: 400 })).id;
      return insertPrice(tx, scope, { ...p, productId });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Lookup keys are checked first, so a clash here is a concurrent claim or a taken product id.
    if (p.product_data?.id)
      throw invalidRequest(`Product already exists: '${p.product_data.id}'`, 'product_data[id]', 'resource_already_exists');
    throw invalidRequest(
      'Another price took that lookup key at the same time; retry with transfer_lookup_key=true to move it.',
      'lookup_key',
    );
  }
}

export async function updatePrice(db: Db, scope: AccountScope & { id: string }, p: UpdatePriceParams) {
  try {
    return await db.transaction(async (tx) => {
      const current = await getPriceOrThrow(tx, scope);
      if (p.tax_behavior !== undefined && p.tax_behavior !== current.taxBehavior && current.taxBehavior !== 'unspecified')
        throw invalidRequest(`tax_behavior cannot be changed once it is ${current.taxBehavior}.`, 'tax_behavior');
      if (p.active === false && current.active) {
        if (await isDefaultPriceOfProduct(tx, { accountId: scope.accountId, productId: current.productId, priceId: current.id }))
          throw invalidRequest('This price cannot be archived because it is the default price of its product.', 'active');
      }
      if (p.lookup_key) await claimLookupKey(tx, scope, p.lookup_key, p.transfer_lookup_key, current.id, 'lookup_key');
      const taxBehavior = p.tax_behavior ?? current.taxBehavior;
      const currencyOptions =
        p.currency_options === undefined
          ? current.currencyOptions
          : p.currency_options === null
            ? null
            : { ...current.currencyOptions, ...normaliseCurrencyOptions(p.currency_options, current.currency, taxBehavior) };
      const row = await updatePriceFields(tx, {
        accountId: scope.accountId,
        id: scope.id,
        set: {
          ...(p.active !== undefined && { active: p.active }),
          ...(p.lookup_key !== undefined && { lookupKey: p.lookup_key }),
          ...(p.nickname !== undefined && { nickname: p.nickname }),
          taxBehavior,
          currencyOptions: currencyOptions && Object.keys(currencyOptions).length ? currencyOptions : null,
          metadata: mergeMetadata(current.metadata, p.metadata),
        },
      });
      const before = serializePrice(current);
      const object = serializePrice(row);
      await recordEvent(tx, {
        accountId: scope.accountId,
        type: 'price.updated',
        object,
        previousAttributes: previousAttributes(before, object),
        request: scope.request,
      });
      return object;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw invalidRequest(
        'Another price took that lookup key at the same time; retry with transfer_lookup_key=true to move it.',
        'lookup_key',
      );
    throw err;
  }
}

export async function retrievePrice(db: Db, scope: AccountScope & { id: string }) {
  return serializePrice(await getPriceOrThrow(db, scope));
}

export async function listPrices(db: Db, scope: AccountScope, p: ListPricesParams) {
  const r = p.recurring;
  return listPage(db, prices, {
    accountId: scope.accountId,
    kind: 'price',
    params: p,
    filters: [
      // Prices made inline from price_data are never listed, as with Stripe.
      eq(prices.inline, false),
      p.active === undefined ? undefined : eq(prices.active, p.active),
      p.currency === undefined ? undefined : eq(prices.currency, p.currency),
      p.product === undefined ? undefined : eq(prices.productId, p.product),
      p.type === undefined ? undefined : eq(prices.type, p.type),
      p.lookup_keys?.length ? inArray(prices.lookupKey, p.lookup_keys) : undefined,
      r ? eq(prices.type, 'recurring') : undefined,
      r?.interval === undefined ? undefined : sql`${prices.recurring}->>'interval' = ${r.interval}`,
      r?.usage_type === undefined ? undefined : sql`${prices.recurring}->>'usage_type' = ${r.usage_type}`,
      ...createdFilter(prices.createdAt, p.created),
    ],
  });
}
