import type { Queryable } from '../client';
import { disputes } from '../schema';

export type DisputeRow = typeof disputes.$inferSelect;
export type NewDisputeRow = typeof disputes.$inferInsert;

export async function insertDispute(db: Queryable, p: NewDisputeRow): Promise<DisputeRow> {
  const [row] = await db.insert(disputes).values(p).returning();
  return row;
}
