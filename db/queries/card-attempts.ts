import { and, eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { cardAttempts } from '../schema';

export async function insertCardAttempt(db: Queryable, p: { accountId: string; sessionId: string; fingerprint: string; now: Date }) {
  await db.insert(cardAttempts).values({ accountId: p.accountId, sessionId: p.sessionId, fingerprint: p.fingerprint, createdAt: p.now });
}

/** Marks the session's attempts with that card declined (those not marked yet). */
export async function markCardAttemptsDeclined(db: Queryable, p: { sessionId: string; fingerprint: string }) {
  await db
    .update(cardAttempts)
    .set({ declined: true })
    .where(and(eq(cardAttempts.sessionId, p.sessionId), eq(cardAttempts.fingerprint, p.fingerprint), eq(cardAttempts.declined, false)));
}

export async function deleteCardAttemptsBefore(db: Queryable, olderThan: Date) {
  await db.delete(cardAttempts).where(lt(cardAttempts.createdAt, olderThan));
}

export type CardAttemptCounts = { sessionCards: number; seenOnSession: number; accountDeclines: number; accountCards: number };

/**
 * The account's card attempts since `since`, counted in one query: distinct cards on the session, attempts on it with
 * `fingerprint` (null: none), declines and distinct cards on the account.
 */
export async function countCardAttempts(
  db: Queryable,
  p: { accountId: string; sessionId: string; fingerprint: string | null; since: Date },
): Promise<CardAttemptCounts> {
  const rows = await db
    .select({
      sessionCards:
        sql<number>`count(distinct ${cardAttempts.fingerprint}) filter (where ${cardAttempts.sessionId} = ${p.sessionId})`.mapWith(Number),
      seenOnSession:
        sql<number>`count(*) filter (where ${cardAttempts.sessionId} = ${p.sessionId} and ${cardAttempts.fingerprint} = ${p.fingerprint ?? ''})`.mapWith(
          Number,
        ),
      accountDeclines: sql<number>`count(*) filter (where ${cardAttempts.declined})`.mapWith(Number),
      accountCards: sql<number>`count(distinct ${cardAttempts.fingerprint})`.mapWith(Number),
    })
    .from(cardAttempts)
    .where(and(eq(cardAttempts.accountId, p.accountId), sql`${cardAttempts.createdAt} > ${p.since.toISOString()}::timestamptz`));
  // An aggregate answers exactly one row; were it ever missing, nothing is counted.
  return rows.at(0) ?? { sessionCards: 0, seenOnSession: 0, accountDeclines: 0, accountCards: 0 };
}
