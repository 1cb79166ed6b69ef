import { and, desc, eq, isNull, sql } from 'drizzle-orm';
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
