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
