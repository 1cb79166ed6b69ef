import type { Db } from '@/db/client';
import { listEmails } from '@/db/queries/email-outbox';
import { getEmailOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

export const OUTBOX_PAGE_SIZE = 25;

/** The account's outgoing mail (receipts), newest first, for the dashboard's outbox. */
export function listOutbox(db: Db, scope: AccountScope & { before?: string }) {
  return listEmails(db, { ...scope, limit: OUTBOX_PAGE_SIZE });
}

/** One message, with its HTML and text bodies: the dashboard shows the HTML only in a sandboxed frame. */
export function getOutboxEmail(db: Db, scope: AccountScope & { id: string }) {
  return getEmailOrThrow(db, scope);
}
