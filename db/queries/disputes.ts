import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { disputes } from '../schema';

export type DisputeRow = typeof disputes.$inferSelect;
export type NewDisputeRow = typeof disputes.$inferInsert;

export async function insertDispute(db: Queryable, p: NewDisputeRow): Promise<DisputeRow> {
  const [row] = await db.insert(disputes).values(p).returning();
  return row;
}

/** The dispute of one of the account's charges (a charge has at most one), or null. */
export async function findDisputeForCharge(db: Queryable, p: { accountId: string; chargeId: string }): Promise<DisputeRow | null> {
  const rows = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.accountId, p.accountId), eq(disputes.chargeId, p.chargeId)))
    .limit(1);
  return rows.at(0) ?? null;
}
