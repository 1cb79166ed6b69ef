import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
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

export type NewCouponRow = typeof coupons.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type CouponFields = Partial<Omit<NewCouponRow, 'id' | 'accountId'>>;

export async function insertCoupon(db: Queryable, p: NewCouponRow): Promise<CouponRow> {
  const [row] = await db.insert(coupons).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's coupons; the updated row. */
export async function updateCouponFields(db: Queryable, p: { accountId: string; id: string; set: CouponFields }): Promise<CouponRow> {
  const [row] = await db
    .update(coupons)
    .set(p.set)
    .where(and(eq(coupons.accountId, p.accountId), eq(coupons.id, p.id)))
    .returning();
  return row;
}

/**
 * Soft-deletes a coupon of the account (the row stays for what refers to it); the deleted row, or null
 * when there is no such coupon or it was already deleted.
 */
export async function softDeleteCoupon(db: Queryable, p: { accountId: string; id: string; deletedAt: Date }): Promise<CouponRow | null> {
  const rows = await db
    .update(coupons)
    .set({ deletedAt: p.deletedAt })
    .where(and(eq(coupons.accountId, p.accountId), eq(coupons.id, p.id), isNull(coupons.deletedAt)))
    .returning();
  return rows.at(0) ?? null;
}

/**
 * Takes one redemption of the coupon only while it can be redeemed (not deleted, not past redeem_by,
 * below max_redemptions), in the same statement: false when it could not (no row matched).
 */
export async function reserveCouponRedemption(db: Queryable, p: { accountId: string; id: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(coupons)
    .set({ timesRedeemed: sql`${coupons.timesRedeemed} + 1` })
    .where(
      and(
        eq(coupons.accountId, p.accountId),
        eq(coupons.id, p.id),
        isNull(coupons.deletedAt),
        or(isNull(coupons.redeemBy), gt(coupons.redeemBy, p.now)),
        or(isNull(coupons.maxRedemptions), lt(coupons.timesRedeemed, coupons.maxRedemptions)),
      ),
    )
    .returning({ id: coupons.id });
  return rows.length > 0;
}

/** Gives one redemption back (never below zero). */
export async function releaseCouponRedemption(db: Queryable, p: { accountId: string; id: string }): Promise<void> {
  await db
    .update(coupons)
    .set({ timesRedeemed: sql`greatest(${coupons.timesRedeemed} - 1, 0)` })
    .where(and(eq(coupons.accountId, p.accountId), eq(coupons.id, p.id)));
}
