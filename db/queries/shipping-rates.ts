import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { shippingRates } from '../schema';

export type ShippingRateRow = typeof shippingRates.$inferSelect;

/** Inline rates (made from a session's shipping_rate_data) are found too: sessions point at them. */
export async function findShippingRate(db: Queryable, p: { accountId: string; id: string }): Promise<ShippingRateRow | null> {
  const rows = await db
    .select()
    .from(shippingRates)
    .where(and(eq(shippingRates.accountId, p.accountId), eq(shippingRates.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

export type NewShippingRateRow = typeof shippingRates.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type ShippingRateFields = Partial<Omit<NewShippingRateRow, 'id' | 'accountId'>>;

/** Named apart from lib/catalog's insertShippingRate, which checks and shapes `shipping_rate_data` first. */
export async function insertShippingRateRow(db: Queryable, p: NewShippingRateRow): Promise<ShippingRateRow> {
  const [row] = await db.insert(shippingRates).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's shipping rates; the updated row. */
export async function updateShippingRateFields(
  db: Queryable,
  p: { accountId: string; id: string; set: ShippingRateFields },
): Promise<ShippingRateRow> {
  const [row] = await db
    .update(shippingRates)
    .set(p.set)
    .where(and(eq(shippingRates.accountId, p.accountId), eq(shippingRates.id, p.id)))
    .returning();
  return row;
}
