import type { Db, Tx } from '@/db/client';
import { getAccount } from '@/db/queries/accounts';
import { updateInvoiceIf, type InvoiceChanges, type InvoiceRow } from '@/db/queries/invoices';
import type { AccountScope, ScopeRequest } from '@/db/scope';
import { lockInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { mergeMetadata } from '@/lib/api/params';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import type { UpdateInvoiceParams } from '@/lib/validation/invoices';
import { billingNow } from '../clock';
import { nextRetryAt, retrySettingsOf } from '../retry-settings';
import { invoiceObject } from './invoice-reads';

/**
 * When an open invoice is next charged automatically once `auto_advance` is turned back on: now if it
 * was never tried, else on the account's retry schedule (null once the retries are spent).
 */
async function resumedAttemptAt(tx: Tx, invoice: InvoiceRow, now: Date): Promise<Date | null> {
  if (invoice.attemptCount === 0) return now;
  const account = await getAccount(tx, invoice.accountId);
  return nextRetryAt(retrySettingsOf({ billingRetrySettings: account?.billingRetrySettings ?? null }), invoice.attemptCount, now);
}

/**
 * Changes the invoice (the caller holds its lock) as a conditional update from the status it has, and
 * records `invoice.updated` with what changed. `auto_advance` off stops its automatic payment attempts.
 */
export async function changeInvoice(
  tx: Tx,
  invoice: InvoiceRow,
  p: { metadata?: Record<string, string> | null; description?: string | null; autoAdvance?: boolean; request?: ScopeRequest },
): Promise<InvoiceRow> {
  const set: InvoiceChanges = {};
  if (p.metadata !== undefined) set.metadata = mergeMetadata(invoice.metadata, p.metadata);
  if (p.description !== undefined) set.description = p.description;
  if (p.autoAdvance !== undefined && p.autoAdvance !== invoice.autoAdvance) {
    set.autoAdvance = p.autoAdvance;
    if (invoice.status === 'open')
      set.nextPaymentAttempt = p.autoAdvance ? await resumedAttemptAt(tx, invoice, await billingNow(tx, invoice)) : null;
  }
  if (!Object.keys(set).length) return invoice;
  const updated = await updateInvoiceIf(tx, { accountId: invoice.accountId, id: invoice.id, from: [invoice.status], set });
  if (!updated) throw new Error(`changeInvoice: invoice ${invoice.id} moved under its lock`);
  const [before, after] = await Promise.all([invoiceObject(tx, invoice), invoiceObject(tx, updated)]);
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length)
    await recordEvent(tx, {
      accountId: invoice.accountId,
      type: 'invoice.updated',
      object: after,
      previousAttributes: previous,
      request: p.request,
    });
  return updated;
}

/** POST /v1/invoices/:id. */
export async function updateInvoice(db: Db, scope: AccountScope & { id: string }, p: UpdateInvoiceParams) {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceOrThrow(tx, scope);
    const updated = await changeInvoice(tx, invoice, {
      metadata: p.metadata,
      description: p.description,
      autoAdvance: p.auto_advance,
      request: scope.request,
    });
    return invoiceObject(tx, updated);
  });
}
