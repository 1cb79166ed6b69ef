import { and, eq, lt } from 'drizzle-orm';
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
