import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers } from '../schema';

export type CustomerRow = typeof customers.$inferSelect;

/**
 * A customer of the account. Deleted customers are left out unless asked for:
 * only retrieve (which shows Stripe's deleted stub) and expansion need them.
 */
export async function findCustomer(
  db: Queryable,
  p: { accountId: string; id: string; includeDeleted?: boolean },
): Promise<CustomerRow | null> {
  const rows = await db
    .select()
    .from(customers)
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, p.id), p.includeDeleted ? undefined : isNull(customers.deletedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** A live customer of the account, locked (FOR UPDATE) so that an update and a delete of one customer serialize; null for none. */
export async function lockLiveCustomer(db: Queryable, p: { accountId: string; id: string }): Promise<CustomerRow | null> {
  const rows = await db
    .select()
    .from(customers)
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, p.id), isNull(customers.deletedAt)))
    .for('update');
  return rows.at(0) ?? null;
}

export type NewCustomerRow = typeof customers.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type CustomerFields = Partial<Omit<NewCustomerRow, 'id' | 'accountId'>>;

export async function insertCustomer(db: Queryable, p: NewCustomerRow): Promise<CustomerRow> {
  const [row] = await db.insert(customers).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's customers; the updated row. */
export async function updateCustomerFields(db: Queryable, p: { accountId: string; id: string; set: CustomerFields }): Promise<CustomerRow> {
  const [row] = await db
    .update(customers)
    .set(p.set)
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, p.id)))
    .returning();
  return row;
}

/** Soft delete: sessions and promotion codes keep pointing at the id, as with Stripe. */
export async function softDeleteCustomer(db: Queryable, p: { accountId: string; id: string; deletedAt: Date }): Promise<void> {
  await db
    .update(customers)
    .set({ deletedAt: p.deletedAt })
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, p.id)));
}
