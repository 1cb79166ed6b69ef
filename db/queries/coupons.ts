import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { coupons } from '../schema';

export type CouponRow = typeof coupons.$inferSelect;

/** A coupon of the account; deleted ones only when asked for (objects that still refer to them). */
export async function findCoupon(db: Queryable, p: { accountId: string; id: string; includeDeleted?: boolean }): Promise<CouponRow | null> {
  const rows = await db
    .select()
    .from(coupons)
    .where(and(eq(coupons.accountId, p.accountId), eq(coupons.id, p.id), p.includeDeleted ? undefined : isNull(coupons.deletedAt)))
    .limit(1);
  return rows[0] ?? null;
}
