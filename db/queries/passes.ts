import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { passCodes, passes, passOptIns, passSignIns } from '../schema';

export type PassRow = typeof passes.$inferSelect;
export type PassCodeRow = typeof passCodes.$inferSelect;

export async function findPassByEmail(db: Queryable, email: string): Promise<PassRow | null> {
  const rows = await db.select().from(passes).where(eq(passes.email, email)).limit(1);
  return rows.at(0) ?? null;
}

export async function findPass(db: Queryable, id: string): Promise<PassRow | null> {
  const rows = await db.select().from(passes).where(eq(passes.id, id)).limit(1);
  return rows.at(0) ?? null;
}

/** Makes the Pass unless the email already has one (which is never overwritten from a page): null then. */
export async function insertPassIfNew(db: Queryable, p: typeof passes.$inferInsert): Promise<PassRow | null> {
  const rows = await db.insert(passes).values(p).onConflictDoNothing({ target: passes.email }).returning();
  return rows.at(0) ?? null;
}

/** The Pass and everything that signs in to it. */
export async function deletePass(db: Queryable, id: string): Promise<boolean> {
  await db.delete(passCodes).where(eq(passCodes.passId, id));
  await db.delete(passSignIns).where(eq(passSignIns.passId, id));
  const rows = await db.delete(passes).where(eq(passes.id, id)).returning({ id: passes.id });
  return rows.length > 0;
}

export async function upsertPassOptIn(db: Queryable, p: { checkoutSessionId: string; phone: string }): Promise<void> {
  await db
    .insert(passOptIns)
    .values(p)
    .onConflictDoUpdate({ target: passOptIns.checkoutSessionId, set: { phone: p.phone } });
}

export async function deletePassOptIn(db: Queryable, checkoutSessionId: string): Promise<void> {
  await db.delete(passOptIns).where(eq(passOptIns.checkoutSessionId, checkoutSessionId));
}

/** Takes the session's opt-in (deleting it): at most one completion makes a Pass from it. */
export async function takePassOptIn(db: Queryable, checkoutSessionId: string): Promise<{ phone: string } | null> {
  const rows = await db
    .delete(passOptIns)
    .where(eq(passOptIns.checkoutSessionId, checkoutSessionId))
    .returning({ phone: passOptIns.phone });
  return rows.at(0) ?? null;
}

/** A new code replaces the ones still unused for this Pass and session. */
export async function replacePassCode(db: Queryable, p: typeof passCodes.$inferInsert & { now: Date }): Promise<void> {
  await db
    .update(passCodes)
    .set({ usedAt: p.now })
    .where(and(eq(passCodes.passId, p.passId), eq(passCodes.checkoutSessionId, p.checkoutSessionId), isNull(passCodes.usedAt)));
  await db.insert(passCodes).values({ ...p, createdAt: p.now });
}

/** The newest code sent for this Pass and session. */
export async function latestPassCode(db: Queryable, p: { passId: string; checkoutSessionId: string }): Promise<PassCodeRow | null> {
  const rows = await db
    .select()
    .from(passCodes)
    .where(and(eq(passCodes.passId, p.passId), eq(passCodes.checkoutSessionId, p.checkoutSessionId)))
    .orderBy(desc(passCodes.createdAt))
    .limit(1);
  return rows.at(0) ?? null;
}

/** Locks the Pass's row for the rest of the transaction: answers to its codes are counted one at a time. */
export async function lockPass(db: Queryable, id: string): Promise<void> {
  await db.select({ id: passes.id }).from(passes).where(eq(passes.id, id)).for('update');
}

/** Wrong answers given to the Pass's codes sent since `since`, on any session. */
export async function passFailuresSince(db: Queryable, p: { passId: string; since: Date }): Promise<number> {
  const [row] = await db
    .select({ failures: sql<number>`coalesce(sum(${passCodes.failedAttempts}), 0)::int` })
    .from(passCodes)
    .where(and(eq(passCodes.passId, p.passId), gt(passCodes.createdAt, p.since)));
  return row.failures;
}

/** One wrong try, counted only while the code is live: the count after it, or null when it no longer was. */
export async function countWrongPassCode(db: Queryable, p: { id: string; maxAttempts: number; now: Date }): Promise<number | null> {
  const rows = await db
    .update(passCodes)
    .set({ failedAttempts: sql`${passCodes.failedAttempts} + 1` })
    .where(
      and(eq(passCodes.id, p.id), isNull(passCodes.usedAt), lt(passCodes.failedAttempts, p.maxAttempts), gt(passCodes.expiresAt, p.now)),
    )
    .returning({ failedAttempts: passCodes.failedAttempts });
  return rows.at(0)?.failedAttempts ?? null;
}

/** Spends the code, if it is still live: of two right answers at once, one signs in. */
export async function spendPassCode(db: Queryable, p: { id: string; maxAttempts: number; now: Date }): Promise<boolean> {
  const rows = await db
    .update(passCodes)
    .set({ usedAt: p.now })
    .where(
      and(eq(passCodes.id, p.id), isNull(passCodes.usedAt), lt(passCodes.failedAttempts, p.maxAttempts), gt(passCodes.expiresAt, p.now)),
    )
    .returning({ id: passCodes.id });
  return rows.length > 0;
}

export async function insertPassSignIn(db: Queryable, p: typeof passSignIns.$inferInsert): Promise<void> {
  await db.insert(passSignIns).values(p);
}

/** The Pass a browser is signed in to on this session, if the sign-in is live. */
export async function passOfSignIn(db: Queryable, p: { tokenHash: string; checkoutSessionId: string; now: Date }): Promise<PassRow | null> {
  const rows = await db
    .select({ pass: passes })
    .from(passSignIns)
    .innerJoin(passes, eq(passes.id, passSignIns.passId))
    .where(
      and(eq(passSignIns.tokenHash, p.tokenHash), eq(passSignIns.checkoutSessionId, p.checkoutSessionId), gt(passSignIns.expiresAt, p.now)),
    )
    .limit(1);
  return rows.at(0)?.pass ?? null;
}

export async function deletePassSignIn(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(passSignIns).where(eq(passSignIns.tokenHash, tokenHash));
}
