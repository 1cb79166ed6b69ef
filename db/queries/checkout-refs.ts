import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { builtOnce } from '../built-once';
import { prices, products, shippingRates, taxRates } from '../schema';

/** Batch lookups of the objects a checkout session refers to, scoped to one account. */

export type PriceRow = typeof prices.$inferSelect;
export type TaxRateRow = typeof taxRates.$inferSelect;
export type ShippingRateRow = typeof shippingRates.$inferSelect;
export type ProductRef = Pick<typeof products.$inferSelect, 'id' | 'name' | 'description' | 'images' | 'active' | 'taxCode'>;

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

// Every session create reads its prices and their products: built once, the ids one array parameter.
const accountIdParam = sql.placeholder('accountId');
const idsParam = sql.placeholder('ids');

const pricesWithIds = builtOnce((db) =>
  db
    .select()
    .from(prices)
    .where(and(eq(prices.accountId, accountIdParam), sql`${prices.id} = any(${idsParam})`))
    .prepare('prices_by_ids'),
);

const productsWithIds = builtOnce((db) =>
  db
    .select({
      id: products.id,
      name: products.name,
      description: products.description,
      images: products.images,
      active: products.active,
      taxCode: products.taxCode,
    })
    .from(products)
    .where(and(eq(products.accountId, accountIdParam), sql`${products.id} = any(${idsParam})`))
    .prepare('products_by_ids'),
);

export async function pricesByIds(db: Queryable, accountId: string, ids: string[]): Promise<Map<string, PriceRow>> {
  if (!ids.length) return new Map();
  return byId(await pricesWithIds(db).execute({ accountId, ids: [...new Set(ids)] }));
}

export async function productsByIds(db: Queryable, accountId: string, ids: string[]): Promise<Map<string, ProductRef>> {
  if (!ids.length) return new Map();
  return byId(await productsWithIds(db).execute({ accountId, ids: [...new Set(ids)] }));
}

/**
 * The account's tax rates by id; `manualOnly`: only those a merchant may name on a line, not those automatic tax
 * made (automatic_key).
 */
export async function taxRatesByIds(
  db: Queryable,
  accountId: string,
  ids: string[],
  p: { manualOnly?: boolean } = {},
): Promise<Map<string, TaxRateRow>> {
  if (!ids.length) return new Map();
  const manual = p.manualOnly ? isNull(taxRates.automaticKey) : undefined;
  return byId(
    await db
      .select()
      .from(taxRates)
      .where(and(eq(taxRates.accountId, accountId), inArray(taxRates.id, [...new Set(ids)]), manual)),
  );
}

export async function shippingRatesByIds(db: Queryable, accountId: string, ids: string[]): Promise<Map<string, ShippingRateRow>> {
  if (!ids.length) return new Map();
  return byId(
    await db
      .select()
      .from(shippingRates)
      .where(and(eq(shippingRates.accountId, accountId), inArray(shippingRates.id, [...new Set(ids)]))),
  );
}
