import type { Queryable } from '../client';
import { refunds } from '../schema';

export type RefundRow = typeof refunds.$inferSelect;
export type NewRefundRow = typeof refunds.$inferInsert;

export async function insertRefund(db: Queryable, p: NewRefundRow): Promise<RefundRow> {
  const [row] = await db.insert(refunds).values(p).returning();
  return row;
}
