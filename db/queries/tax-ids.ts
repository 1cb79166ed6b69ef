import { and, count, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { taxIds } from '../schema';

export type TaxIdRow = typeof taxIds.$inferSelect;
export type NewTaxIdRow = typeof taxIds.$inferInsert;

/** One of the account's tax IDs, or null. */
export async function findTaxId(db: Queryable, p: { accountId: string; id: string }): Promise<TaxIdRow | null> {
  const rows = await db
    .select()
    .from(taxIds)
    .where(and(eq(taxIds.accountId, p.accountId), eq(taxIds.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** A customer's tax IDs, type and value, oldest first. */
export async function taxIdsOfCustomer(
  db: Queryable,
  p: { accountId: string; customerId: string },
): Promise<{ type: string; value: string }[]> {
  return db
    .select({ type: taxIds.type, value: taxIds.value })
    .from(taxIds)
    .where(and(eq(taxIds.accountId, p.accountId), eq(taxIds.customerId, p.customerId)))
    .orderBy(taxIds.seq);
}

/** How many tax IDs a customer holds. */
export async function countTaxIdsOfCustomer(db: Queryable, p: { accountId: string; customerId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(taxIds)
    .where(and(eq(taxIds.accountId, p.accountId), eq(taxIds.customerId, p.customerId)));
  return row.n;
}

/**
 * Inserts the tax IDs a customer does not hold yet (same type and value: the unique index), so that concurrent
 * adds of one number keep one; the rows inserted, in insertion order.
 */
export async function insertNewTaxIds(db: Queryable, rows: NewTaxIdRow[]): Promise<TaxIdRow[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insert(taxIds).values(rows).onConflictDoNothing().returning();
  return inserted.sort((a, b) => a.seq - b.seq);
}

/** Deletes one of a customer's tax IDs; the row deleted, or null when the customer holds no such tax ID. */
export async function deleteTaxIdOfCustomer(
  db: Queryable,
  p: { accountId: string; customerId: string; id: string },
): Promise<TaxIdRow | null> {
  const rows = await db
    .delete(taxIds)
    .where(and(eq(taxIds.accountId, p.accountId), eq(taxIds.customerId, p.customerId), eq(taxIds.id, p.id)))
    .returning();
  return rows.at(0) ?? null;
}

/** Deletes every tax ID of a customer; the rows deleted, oldest first. */
export async function deleteTaxIdsOfCustomer(db: Queryable, p: { accountId: string; customerId: string }): Promise<TaxIdRow[]> {
  const rows = await db
    .delete(taxIds)
    .where(and(eq(taxIds.accountId, p.accountId), eq(taxIds.customerId, p.customerId)))
    .returning();
  return rows.sort((a, b) => a.seq - b.seq);
}
