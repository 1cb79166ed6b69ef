import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { customers, promotionCodes } from '../schema';

export type PromotionCodeRow = typeof promotionCodes.$inferSelect;

export async function findPromotionCode(db: Queryable, p: { accountId: string; id: string }): Promise<PromotionCodeRow | null> {
  const rows = await db
    .select()
    .from(promotionCodes)
    .where(and(eq(promotionCodes.accountId, p.accountId), eq(promotionCodes.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

/** The account's active code that a customer typed, compared case-insensitively (codes are unique that way). */
export async function findActivePromotionCodeByCode(
  db: Queryable,
  p: { accountId: string; code: string },
): Promise<PromotionCodeRow | null> {
  const rows = await db
    .select()
    .from(promotionCodes)
    .where(
      and(
        eq(promotionCodes.accountId, p.accountId),
        eq(promotionCodes.active, true),
        sql`lower(${promotionCodes.code}) = lower(${p.code})`,
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The code a customer typed: the active one when there is one, else the latest
 * deactivated one, so that the page can say "no longer active" rather than "invalid".
 */
export async function findPromotionCodeByCode(db: Queryable, p: { accountId: string; code: string }): Promise<PromotionCodeRow | null> {
  const rows = await db
    .select()
    .from(promotionCodes)
    .where(and(eq(promotionCodes.accountId, p.accountId), sql`lower(${promotionCodes.code}) = lower(${p.code})`))
    .orderBy(desc(promotionCodes.active), desc(promotionCodes.seq))
    .limit(1);
  return rows[0] ?? null;
}

/** Whether a (not deleted) customer belongs to the account; read here so promotion codes need no customers module. */
export async function customerBelongsToAccount(db: Queryable, p: { accountId: string; id: string }): Promise<boolean> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.accountId, p.accountId), eq(customers.id, p.id), isNull(customers.deletedAt)))
    .limit(1);
  return rows.length > 0;
}

export type NewPromotionCodeRow = typeof promotionCodes.$inferInsert;
/** The columns an update may set: everything but the keys. */
export type PromotionCodeFields = Partial<Omit<NewPromotionCodeRow, 'id' | 'accountId'>>;

export async function insertPromotionCode(db: Queryable, p: NewPromotionCodeRow): Promise<PromotionCodeRow> {
  const [row] = await db.insert(promotionCodes).values(p).returning();
  return row;
}

/** Sets the given columns of one of the account's promotion codes; the updated row. */
export async function updatePromotionCodeFields(
  db: Queryable,
  p: { accountId: string; id: string; set: PromotionCodeFields },
): Promise<PromotionCodeRow> {
  const [row] = await db
    .update(promotionCodes)
    .set(p.set)
    .where(and(eq(promotionCodes.accountId, p.accountId), eq(promotionCodes.id, p.id)))
    .returning();
  return row;
}

/**
 * Takes one redemption of the code only while it can be redeemed (active, not expired, below
 * max_redemptions), in the same statement: false when it could not (no row matched).
 */
export async function reservePromotionCodeRedemption(db: Queryable, p: { accountId: string; id: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(promotionCodes)
    .set({ timesRedeemed: sql`${promotionCodes.timesRedeemed} + 1` })
    .where(
      and(
        eq(promotionCodes.accountId, p.accountId),
        eq(promotionCodes.id, p.id),
        eq(promotionCodes.active, true),
        or(isNull(promotionCodes.expiresAt), gt(promotionCodes.expiresAt, p.now)),
        or(isNull(promotionCodes.maxRedemptions), lt(promotionCodes.timesRedeemed, promotionCodes.maxRedemptions)),
      ),
    )
    .returning({ id: promotionCodes.id });
  return rows.length > 0;
}

/** Gives one redemption back (never below zero). */
export async function releasePromotionCodeRedemption(db: Queryable, p: { accountId: string; id: string }): Promise<void> {
  await db
    .update(promotionCodes)
    .set({ timesRedeemed: sql`greatest(${promotionCodes.timesRedeemed} - 1, 0)` })
    .where(and(eq(promotionCodes.accountId, p.accountId), eq(promotionCodes.id, p.id)));
}
