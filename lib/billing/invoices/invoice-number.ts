import { createHash } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { takeInvoiceNumber } from '@/db/queries/invoices';

/** An account's invoice prefix: 8 characters derived from its id, as Stripe gives each account one. */
export function invoicePrefix(accountId: string): string {
  return createHash('sha256').update(`invoice-prefix:${accountId}`).digest('hex').slice(0, 8).toUpperCase();
}

/** The next number of the account's sequence (`ABCD1234-0001`), taken in the finalizing transaction. */
export function nextInvoiceNumber(db: Queryable, accountId: string): Promise<string> {
  return takeInvoiceNumber(db, { accountId, prefix: invoicePrefix(accountId) });
}
