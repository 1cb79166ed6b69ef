import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { prices } from '../schema';

export type PriceRow = typeof prices.$inferSelect;

export async function findPrice(db: Queryable, p: { accountId: string; id: string }): Promise<PriceRow | null> {
  const rows = await db
    .select()
    .from(prices)
    .where(and(eq(prices.accountId, p.accountId), eq(prices.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

/** The price that holds a lookup key in an account, if any. */
export async function findPriceByLookupKey(db: Queryable, p: { accountId: string; lookupKey: string }): Promise<PriceRow | null> {
  const rows = await db
    .select()
    .from(prices)
    .where(and(eq(prices.accountId, p.accountId), eq(prices.lookupKey, p.lookupKey)))
    .limit(1);
  return rows[0] ?? null;
}

/** Whether the price belongs to the product (a product's default_price must be one of its own). */
export async function priceBelongsToProduct(db: Queryable, p: { accountId: string; id: string; productId: string }): Promise<boolean> {
  const rows = await db
    .select({ id: prices.id })
    .from(prices)
    .where(and(eq(prices.accountId, p.accountId), eq(prices.id, p.id), eq(prices.productId, p.productId)));
  return rows.length > 0;
}

/** Whether the product has a price the merchant created (not one made inline from price_data). */
export async function productHasUserPrices(db: Queryable, p: { accountId: string; productId: string }): Promise<boolean> {
  const rows = await db
    .select({ id: prices.id })
    .from(prices)
    .where(and(eq(prices.accountId, p.accountId), eq(prices.productId, p.productId), eq(prices.inline, false)))
    .limit(1);
  return rows.length > 0;
}

export type NewPriceRow = typeof prices.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type PriceFields = Partial<Omit<NewPriceRow, 'id' | 'accountId'>>;

/** Named apart from lib/catalog's insertPrice, which checks the price data and records price.created. */
export async function insertPriceRow(db: Queryable, p: NewPriceRow): Promise<PriceRow> {
  const [row] = await db.insert(prices).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's prices; the updated row. */
export async function updatePriceFields(db: Queryable, p: { accountId: string; id: string; set: PriceFields }): Promise<PriceRow> {
  const [row] = await db
    .update(prices)
    .set(p.set)
    .where(and(eq(prices.accountId, p.accountId), eq(prices.id, p.id)))
    .returning();
  return row;
}

/** Takes a lookup key off the price that holds it (transfer_lookup_key); the updated row. */
export async function clearPriceLookupKey(db: Queryable, p: { accountId: string; id: string }): Promise<PriceRow> {
  return updatePriceFields(db, { accountId: p.accountId, id: p.id, set: { lookupKey: null } });
}
