import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { prices, products, shippingRates, taxRates } from '../schema';

/** Batch lookups of the objects a checkout session refers to, scoped to one account. */

export type PriceRow = typeof prices.$inferSelect;
export type TaxRateRow = typeof taxRates.$inferSelect;
export type ShippingRateRow = typeof shippingRates.$inferSelect;
export type ProductRef = Pick<typeof products.$inferSelect, 'id' | 'name' | 'description' | 'images' | 'active' | 'taxCode'>;

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

export async function pricesByIds(db: Queryable, accountId: string, ids: string[]): Promise<Map<string, PriceRow>> {
  if (!ids.length) return new Map();
  return byId(
    await db
      .select()
      .from(prices)
      .where(and(eq(prices.accountId, accountId), inArray(prices.id, [...new Set(ids)]))),
  );
}

export async function productsByIds(db: Queryable, accountId: string, ids: string[]): Promise<Map<string, ProductRef>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: products.id,
      name: products.name,
      description: products.description,
      images: products.images,
      active: products.active,
      taxCode: products.taxCode,
    })
    .from(products)
    .where(and(eq(products.accountId, accountId), inArray(products.id, [...new Set(ids)])));
  return byId(rows);
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
