import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { prices } from '../schema';
import { noSuchObject } from '@/lib/api/errors';

export type PriceRow = typeof prices.$inferSelect;

export async function findPrice(db: Queryable, p: { accountId: string; id: string }): Promise<PriceRow | null> {
  const rows = await db
    .select()
    .from(prices)
    .where(and(eq(prices.accountId, p.accountId), eq(prices.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function getPriceOrThrow(
  db: Queryable,
  p: { accountId: string; id: string; param?: string; status?: number },
): Promise<PriceRow> {
  const row = await findPrice(db, p);
  if (!row) throw noSuchObject('price', p.id, p.param ?? 'id', p.status ?? 404);
  return row;
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
