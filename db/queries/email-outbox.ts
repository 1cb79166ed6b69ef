import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { emails } from '../schema';

export type EmailRow = typeof emails.$inferSelect;
export type EmailListRow = Pick<EmailRow, 'id' | 'to' | 'subject' | 'status' | 'createdAt' | 'sentAt' | 'lastError'>;

/** One page of the account's outgoing mail, newest first; `before` is the last id of the previous page. */
export async function listEmails(
  db: Queryable,
  p: { accountId: string; limit: number; before?: string },
): Promise<{ rows: EmailListRow[]; hasMore: boolean }> {
  let cursor;
  if (p.before) {
    const at = (
      await db
        .select({ createdAt: emails.createdAt })
        .from(emails)
        .where(and(eq(emails.accountId, p.accountId), eq(emails.id, p.before)))
    ).at(0);
    if (at) cursor = or(lt(emails.createdAt, at.createdAt), and(eq(emails.createdAt, at.createdAt), lt(emails.id, p.before)));
  }
  const rows = await db
    .select({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      status: emails.status,
      createdAt: emails.createdAt,
      sentAt: emails.sentAt,
      lastError: emails.lastError,
    })
    .from(emails)
    .where(and(eq(emails.accountId, p.accountId), cursor))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(p.limit + 1);
  return { rows: rows.slice(0, p.limit), hasMore: rows.length > p.limit };
}

export async function findEmail(db: Queryable, p: { accountId: string; id: string }): Promise<EmailRow | null> {
  const rows = await db
    .select()
    .from(emails)
    .where(and(eq(emails.accountId, p.accountId), eq(emails.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** An email a sender holds; `lockToken` is its locked_until as text, which proves the claim is still that sender's. */
export type EmailClaim = { id: string; to: string; subject: string; text: string; html: string; attempts: number; lockToken: string };

// The injected instant, else the database clock (one clock for every process on the database).
const sqlNow = (now?: Date): SQL => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

/**
 * Leases up to `limit` due emails for `leaseSeconds`: one UPDATE over rows picked with FOR UPDATE SKIP LOCKED, so
 * no transaction stays open across the SMTP conversation and a sender that dies just lets its lease lapse.
 */
export async function claimDueEmails(db: Queryable, p: { limit: number; leaseSeconds: number; now?: Date }): Promise<EmailClaim[]> {
  const now = sqlNow(p.now);
  const due = db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.status, 'pending'), lte(emails.nextAttemptAt, now), or(isNull(emails.lockedUntil), lt(emails.lockedUntil, now))))
    .orderBy(asc(emails.nextAttemptAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db
    .update(emails)
    .set({ lockedUntil: sql`${now} + ${p.leaseSeconds}::int * interval '1 second'` })
    .where(inArray(emails.id, due))
    .returning({
      id: emails.id,
      to: emails.to,
      subject: emails.subject,
      text: emails.text,
      html: emails.html,
      attempts: emails.attempts,
      // Text keeps the microseconds a JS Date would drop, so settling matches this claim exactly.
      lockToken: sql<string>`${emails.lockedUntil}::text`,
    });
}

/** Gives claims back unsent (due again at once), each only if it is still the sender's; returns how many were. */
export async function releaseEmailClaims(db: Queryable, claims: { id: string; lockToken: string }[]): Promise<number> {
  if (claims.length === 0) return 0;
  const released = await db
    .update(emails)
    .set({ lockedUntil: null })
    .where(
      and(
        eq(emails.status, 'pending'),
        or(...claims.map((c) => and(eq(emails.id, c.id), sql`${emails.lockedUntil}::text = ${c.lockToken}`))),
      ),
    )
    .returning({ id: emails.id });
  return released.length;
}
