import { eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { insertShippingRateRow, updateShippingRateFields, type ShippingRateRow } from '@/db/queries/shipping-rates';
import { shippingRates } from '@/db/schema';
import { invalidRequest } from '@/lib/api/errors';
import { createdFilter, listPage } from '@/lib/api/list';
import { initialMetadata, mergeMetadata } from '@/lib/api/params';
import { serializeShippingRate } from '@/lib/api/serialize/shipping-rate';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';
import { assertAmountWithinLimit } from './amounts';
import type {
  CreateShippingRateParams,
  ListShippingRatesParams,
  ShippingRateData,
  UpdateShippingRateParams,
} from '@/lib/validation/shipping-rates';
import { getShippingRateOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

type TaxBehavior = ShippingRateRow['taxBehavior'];
type CurrencyOptions = NonNullable<ShippingRateRow['currencyOptions']>;

/**
 * Stores a shipping rate from already-validated `shipping_rate_data`. Records
 * no event: the API's create does, and a session's inline rates are part of
 * the session. Inline rates are retrievable but never listed. `opts.param`
 * prefixes parameter names in errors (a session's `shipping_options[0][shipping_rate_data]`).
 */
export async function insertShippingRate(
  tx: Queryable,
  accountId: string,
  data: ShippingRateData,
  opts: { inline: boolean; param?: string },
): Promise<ShippingRateRow> {
  const taxBehavior = data.tax_behavior ?? 'unspecified';
  const given = data.fixed_amount.currency_options ?? {};
  const at = (name: string) => (opts.param ? `${opts.param}[${name.replace('[', '][')}` : name);
  assertAmountWithinLimit(data.fixed_amount.amount, data.fixed_amount.currency, at('fixed_amount[amount]'));
  const currencyOptions: CurrencyOptions = {};
  for (const [cur, o] of Object.entries(given)) {
    assertAmountWithinLimit(o.amount, cur, at(`fixed_amount[currency_options][${cur}][amount]`));
    // The default currency lives in fixed_amount itself, as with Stripe.
    if (cur !== data.fixed_amount.currency) currencyOptions[cur] = { amount: o.amount, tax_behavior: o.tax_behavior ?? taxBehavior };
  }
  const estimate = data.delivery_estimate;
  return insertShippingRateRow(tx, {
    id: newId('shr'),
    accountId,
    displayName: data.display_name,
    type: 'fixed_amount',
    amount: data.fixed_amount.amount,
    currency: data.fixed_amount.currency,
    currencyOptions: Object.keys(currencyOptions).length ? currencyOptions : null,
    deliveryEstimate:
      estimate && (estimate.minimum || estimate.maximum) ? { minimum: estimate.minimum ?? null, maximum: estimate.maximum ?? null } : null,
    taxBehavior,
    taxCode: data.tax_code ?? null,
    metadata: initialMetadata(data.metadata),
    inline: opts.inline,
  });
}

export async function createShippingRate(db: Db, scope: AccountScope, p: CreateShippingRateParams) {
  // `expand` shapes the response only: the rate is made from the rest.
  const data: ShippingRateData = p;
  return db.transaction(async (tx) => {
    const object = serializeShippingRate(await insertShippingRate(tx, scope.accountId, data, { inline: false }));
    await recordEvent(tx, { accountId: scope.accountId, type: 'shipping_rate.created', object, request: scope.request });
    return object;
  });
}

// Stripe lets an unspecified tax behavior be set once; a chosen one stays.
function checkTaxBehavior(current: TaxBehavior, next: TaxBehavior | undefined, param: string) {
  if (next !== undefined && next !== current && current !== 'unspecified')
    throw invalidRequest(`tax_behavior cannot be changed once it is set to ${current}.`, param);
}

function nextCurrencyOptions(
  current: ShippingRateRow,
  update: NonNullable<UpdateShippingRateParams['fixed_amount']>['currency_options'],
  taxBehavior: TaxBehavior,
) {
  const next: CurrencyOptions = { ...(current.currencyOptions ?? {}) };
  for (const [cur, o] of Object.entries(update ?? {})) {
    const param = `fixed_amount[currency_options][${cur}]`;
    if (cur === current.currency)
      throw invalidRequest(`The amount in the default currency (${cur}) cannot be changed: create a new shipping rate.`, param);
    if (o.amount !== undefined) assertAmountWithinLimit(o.amount, cur, `${param}[amount]`);
    const existing = Object.hasOwn(next, cur) ? next[cur] : undefined;
    if (existing) {
      checkTaxBehavior(existing.tax_behavior, o.tax_behavior, `${param}[tax_behavior]`);
      next[cur] = { amount: o.amount ?? existing.amount, tax_behavior: o.tax_behavior ?? existing.tax_behavior };
    } else {
      if (o.amount === undefined)
        throw invalidRequest(`Missing required param: ${param}[amount].`, `${param}[amount]`, 'parameter_missing');
      next[cur] = { amount: o.amount, tax_behavior: o.tax_behavior ?? taxBehavior };
    }
  }
  return Object.keys(next).length ? next : null;
}

export async function updateShippingRate(db: Db, scope: AccountScope & { id: string }, p: UpdateShippingRateParams) {
  return db.transaction(async (tx) => {
    const current = await getShippingRateOrThrow(tx, scope);
    checkTaxBehavior(current.taxBehavior, p.tax_behavior, 'tax_behavior');
    const taxBehavior = p.tax_behavior ?? current.taxBehavior;
    const row = await updateShippingRateFields(tx, {
      accountId: scope.accountId,
      id: scope.id,
      set: {
        ...(p.active !== undefined && { active: p.active }),
        ...(p.tax_behavior !== undefined && { taxBehavior }),
        ...(p.fixed_amount?.currency_options && {
          currencyOptions: nextCurrencyOptions(current, p.fixed_amount.currency_options, taxBehavior),
        }),
        metadata: mergeMetadata(current.metadata, p.metadata),
      },
    });
    const before = serializeShippingRate(current);
    const object = serializeShippingRate(row);
    await recordEvent(tx, {
      accountId: scope.accountId,
      type: 'shipping_rate.updated',
      object,
      previousAttributes: previousAttributes(before, object),
      request: scope.request,
    });
    return object;
  });
}

export async function retrieveShippingRate(db: Db, scope: AccountScope & { id: string }) {
  return serializeShippingRate(await getShippingRateOrThrow(db, scope));
}

export async function listShippingRates(db: Db, scope: AccountScope, p: ListShippingRatesParams) {
  return listPage(db, shippingRates, {
    accountId: scope.accountId,
    kind: 'shipping rate',
    params: p,
    filters: [
      eq(shippingRates.inline, false),
      p.active === undefined ? undefined : eq(shippingRates.active, p.active),
      // A rate "is for" a currency when it can be charged in it: default or option.
      p.currency === undefined
        ? undefined
        : or(eq(shippingRates.currency, p.currency), isNotNull(sql`${shippingRates.currencyOptions} -> ${p.currency}::text`)),
      ...createdFilter(shippingRates.createdAt, p.created),
    ],
  });
}
