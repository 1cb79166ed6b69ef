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
