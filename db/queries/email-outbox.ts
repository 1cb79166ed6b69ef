import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { emails } from '../schema';
import { sqlNow } from '../sql-now';

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

/**
 * Queues an email in the outbox (a receipt in the completion transaction, a dashboard link); the sender sends it.
 * `accountId` is null for the dashboard's own emails, which belong to no merchant account. The bodies are stored as
 * given: the caller seals what must not be readable in the table.
 */
export async function insertEmail(
  db: Queryable,
  p: {
    id: string;
    accountId: string | null;
    kind: EmailRow['kind'];
    to: string;
    subject: string;
    text: string;
    html: string;
    checkoutSessionId?: string;
  },
): Promise<void> {
  await db.insert(emails).values({
    id: p.id,
    accountId: p.accountId,
    kind: p.kind,
    to: p.to,
    subject: p.subject,
    text: p.text,
    html: p.html,
    ...(p.checkoutSessionId !== undefined && { checkoutSessionId: p.checkoutSessionId }),
  });
}

// Settling a claimed email: the row is the claim's while its lease still reads the claim's token. Emails are reached
// by their claim, not by an account (the dashboard's own emails have none).
const stillClaimed = (claim: { id: string; lockToken: string }) =>
  and(eq(emails.id, claim.id), sql`${emails.lockedUntil}::text = ${claim.lockToken}`);

/** Kept unsent (no mail server), lease cleared, if the claim still holds. */
export async function keepEmail(db: Queryable, claim: { id: string; lockToken: string }): Promise<void> {
  await db.update(emails).set({ status: 'kept', lockedUntil: null }).where(stillClaimed(claim));
}

/**
 * A failed send, if the claim still holds: `attempts` and the error recorded, the lease cleared, and the email due
 * again `retryInSeconds` after `now`, or given up ('failed') when that is null.
 */
export async function recordEmailFailure(
  db: Queryable,
  claim: { id: string; lockToken: string },
  p: { attempts: number; lastError: string; retryInSeconds: number | null; now?: Date },
): Promise<void> {
  const failed = p.retryInSeconds === null;
  await db
    .update(emails)
    .set({
      attempts: p.attempts,
      lastError: p.lastError,
      lockedUntil: null,
      status: failed ? 'failed' : 'pending',
      nextAttemptAt: failed ? undefined : sql`${sqlNow(p.now)} + interval '${sql.raw(String(p.retryInSeconds))} seconds'`,
    })
    .where(stillClaimed(claim));
}

/** Sent at `now`, if the claim still holds: `attempts` recorded, the error and the lease cleared. */
export async function markEmailSent(
  db: Queryable,
  claim: { id: string; lockToken: string },
  p: { attempts: number; now?: Date },
): Promise<void> {
  await db
    .update(emails)
    .set({ status: 'sent', attempts: p.attempts, lastError: null, lockedUntil: null, sentAt: sql`${sqlNow(p.now)}` })
    .where(stillClaimed(claim));
}
