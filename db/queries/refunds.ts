import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import type { Queryable } from '../client';
import { refunds } from '../schema';

export type RefundRow = typeof refunds.$inferSelect;
export type NewRefundRow = typeof refunds.$inferInsert;
type RefundChanges = Partial<NewRefundRow>;

export async function insertRefund(db: Queryable, p: NewRefundRow): Promise<RefundRow> {
  const [row] = await db.insert(refunds).values(p).returning();
  return row;
}

export async function findRefund(db: Queryable, p: { accountId: string; id: string }): Promise<RefundRow | null> {
  const rows = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.accountId, p.accountId), eq(refunds.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** The refund, locked for the rest of the caller's transaction (before its charge: the sweep's order too). */
export async function lockRefund(db: Queryable, p: { accountId: string; id: string }): Promise<RefundRow | null> {
  const rows = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.accountId, p.accountId), eq(refunds.id, p.id)))
    .for('update')
    .limit(1);
  return rows.at(0) ?? null;
}

/** Sets the given columns of one of the account's refunds (locked by the caller); the updated row. */
export async function updateRefundFields(db: Queryable, p: { accountId: string; id: string; set: RefundChanges }): Promise<RefundRow> {
  const [row] = await db
    .update(refunds)
    .set(p.set)
    .where(and(eq(refunds.accountId, p.accountId), eq(refunds.id, p.id)))
    .returning();
  return row;
}

/** Refunds whose announced change is due, oldest first, locked (SKIP LOCKED: several sweepers share the work). */
export async function lockDueRefunds(db: Queryable, p: { now: Date; limit: number }): Promise<RefundRow[]> {
  return db
    .select()
    .from(refunds)
    .where(and(isNotNull(refunds.dueAt), lte(refunds.dueAt, p.now)))
    .orderBy(asc(refunds.dueAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
}

/** Every refund of one of the account's charges, oldest first: what the hosted receipt page and the refund email list. */
export async function refundsOfChargeOldestFirst(db: Queryable, p: { accountId: string; chargeId: string }): Promise<RefundRow[]> {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.accountId, p.accountId), eq(refunds.chargeId, p.chargeId)))
    .orderBy(asc(refunds.createdAt), asc(refunds.seq));
}
