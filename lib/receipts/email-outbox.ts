import type { Db } from '@/db/client';
import { getEmailOrThrow, listEmails } from '@/db/queries/email-outbox';

type Scope = { accountId: string };

export const OUTBOX_PAGE_SIZE = 25;

/** The account's outgoing mail (receipts), newest first, for the dashboard's outbox. */
export function listOutbox(db: Db, scope: Scope & { before?: string }) {
  return listEmails(db, { ...scope, limit: OUTBOX_PAGE_SIZE });
}

/** One message, with its HTML and text bodies: the dashboard shows the HTML only in a sandboxed frame. */
export function getOutboxEmail(db: Db, scope: Scope & { id: string }) {
  return getEmailOrThrow(db, scope);
}
