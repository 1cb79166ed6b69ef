import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Queryable } from '../client';
import { charges, disputes, type StoredCard } from '../schema';

export type DisputeRow = typeof disputes.$inferSelect;
export type NewDisputeRow = typeof disputes.$inferInsert;
export type DisputeStatus = NonNullable<DisputeRow['status']>;
type DisputeChanges = Partial<NewDisputeRow>;

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

/** One of the account's disputes, opened or only announced (status null): callers decide what an announced one is. */
export async function findDispute(db: Queryable, p: { accountId: string; id: string }): Promise<DisputeRow | null> {
  const rows = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.accountId, p.accountId), eq(disputes.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** The dispute, locked for the rest of the caller's transaction (taken after its charge's lock: lockCharge first). */
export async function lockDispute(db: Queryable, p: { accountId: string; id: string }): Promise<DisputeRow | null> {
  const rows = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.accountId, p.accountId), eq(disputes.id, p.id)))
    .for('update')
    .limit(1);
  return rows.at(0) ?? null;
}

/**
 * Moves one of the account's disputes from `from` to what `set` says, only if it is still in `from`:
 * the updated row, or null when another change got there first.
 */
export async function updateDisputeIfStatus(
  db: Queryable,
  p: { accountId: string; id: string; from: DisputeStatus; set: DisputeChanges },
): Promise<DisputeRow | null> {
  const rows = await db
    .update(disputes)
    .set(p.set)
    .where(and(eq(disputes.accountId, p.accountId), eq(disputes.id, p.id), eq(disputes.status, p.from)))
    .returning();
  return rows.at(0) ?? null;
}

/** Announced disputes whose opening is due, oldest first, locked (SKIP LOCKED: several sweepers share the work). */
export async function lockDisputesDueToOpen(db: Queryable, p: { now: Date; limit: number }): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(and(isNull(disputes.status), isNotNull(disputes.dueAt), lte(disputes.dueAt, p.now)))
    .orderBy(asc(disputes.dueAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
}

/** Disputes under review whose decision (the bank's answer on their evidence) is due, oldest first, locked (SKIP LOCKED). */
export async function lockDisputeDecisionsDue(db: Queryable, p: { now: Date; limit: number }): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(and(eq(disputes.status, 'under_review'), isNotNull(disputes.dueAt), lte(disputes.dueAt, p.now)))
    .orderBy(asc(disputes.dueAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
}

/** The card of each of the account's charges named (what a dispute shows of its payment method), by charge id. */
export async function chargeCards(db: Queryable, p: { accountId: string; ids: string[] }): Promise<Map<string, StoredCard | null>> {
  if (p.ids.length === 0) return new Map();
  const rows = await db
    .select({ id: charges.id, card: charges.card })
    .from(charges)
    .where(and(eq(charges.accountId, p.accountId), inArray(charges.id, p.ids)));
  return new Map(rows.map((r) => [r.id, r.card]));
}

/** Sets the given columns of one of the account's disputes (locked by the caller); the updated row. */
export async function updateDisputeFields(db: Queryable, p: { accountId: string; id: string; set: DisputeChanges }): Promise<DisputeRow> {
  const [row] = await db
    .update(disputes)
    .set(p.set)
    .where(and(eq(disputes.accountId, p.accountId), eq(disputes.id, p.id)))
    .returning();
  return row;
}
