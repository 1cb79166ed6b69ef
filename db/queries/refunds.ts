import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { refunds } from '../schema';

export type RefundRow = typeof refunds.$inferSelect;
export type NewRefundRow = typeof refunds.$inferInsert;

export async function insertRefund(db: Queryable, p: NewRefundRow): Promise<RefundRow> {
  const [row] = await db.insert(refunds).values(p).returning();
  return row;
}

/** Every refund of one of the account's charges, oldest first: what the hosted receipt page and the refund email list. */
export async function refundsOfChargeOldestFirst(db: Queryable, p: { accountId: string; chargeId: string }): Promise<RefundRow[]> {
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.accountId, p.accountId), eq(refunds.chargeId, p.chargeId)))
    .orderBy(asc(refunds.createdAt), asc(refunds.seq));
}
