import { and, desc, eq, lt, or } from 'drizzle-orm';
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
