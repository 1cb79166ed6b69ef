import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { charges } from '../schema';

export type ChargeRow = typeof charges.$inferSelect;
export type NewChargeRow = typeof charges.$inferInsert;
type ChargeChanges = Partial<NewChargeRow>;

export async function insertCharge(db: Queryable, p: NewChargeRow): Promise<ChargeRow> {
  const [row] = await db.insert(charges).values(p).returning();
  return row;
}

export async function findCharge(db: Queryable, p: { accountId: string; id: string }): Promise<ChargeRow | null> {
  const rows = await db
    .select()
    .from(charges)
    .where(and(eq(charges.accountId, p.accountId), eq(charges.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** A charge by its id alone: for the hosted receipt page, whose signed link is the customer's only key. */
export async function findChargeById(db: Queryable, id: string): Promise<ChargeRow | null> {
  const rows = await db.select().from(charges).where(eq(charges.id, id)).limit(1);
  return rows.at(0) ?? null;
}

export async function chargeForPaymentIntent(db: Queryable, paymentIntentId: string): Promise<ChargeRow | null> {
  const rows = await db.select().from(charges).where(eq(charges.paymentIntentId, paymentIntentId)).limit(1);
  return rows.at(0) ?? null;
}

/** The charge, locked for the rest of the caller's transaction: refunds, captures and disputes change it one at a time. */
export async function lockCharge(db: Queryable, p: { accountId: string; id: string }): Promise<ChargeRow | null> {
  const rows = await db
    .select()
    .from(charges)
    .where(and(eq(charges.accountId, p.accountId), eq(charges.id, p.id)))
    .for('update')
    .limit(1);
  return rows.at(0) ?? null;
}

/** Sets the given columns of one of the account's charges (locked by the caller); the updated row. */
export async function updateChargeFields(db: Queryable, p: { accountId: string; id: string; set: ChargeChanges }): Promise<ChargeRow> {
  const [row] = await db
    .update(charges)
    .set(p.set)
    .where(and(eq(charges.accountId, p.accountId), eq(charges.id, p.id)))
    .returning();
  return row;
}

/**
 * Uncaptured authorizations whose deadline (capture_before) has passed, oldest first, locked (SKIP LOCKED:
 * several sweepers share the work). Served by the partial index charges_uncaptured_idx.
 */
export async function lockExpiredAuthorizations(db: Queryable, p: { now: Date; limit: number }): Promise<ChargeRow[]> {
  return db
    .select()
    .from(charges)
    .where(and(sql`${charges.captured} = false`, eq(charges.status, 'succeeded'), lte(charges.captureBefore, p.now)))
    .orderBy(asc(charges.captureBefore))
    .limit(p.limit)
    .for('update', { skipLocked: true });
}
