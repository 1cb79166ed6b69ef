import type { Db, Tx } from '@/db/client';
import { updateInvoiceIf, type InvoiceRow } from '@/db/queries/invoices';
import type { AccountScope, ScopeRequest } from '@/db/scope';
import { lockInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { recordEvent } from '@/lib/events/record-event';
import { billingNow } from '../clock';
import { cannotMarkUncollectible } from './invoice-errors';
import { invoiceObject } from './invoice-reads';

/**
 * An open invoice is written off as uncollectible (the caller holds its lock): still owed, and it may be
 * paid later or voided, but no longer charged automatically. `invoice.marked_uncollectible`.
 */
export async function markInvoiceUncollectible(tx: Tx, invoice: InvoiceRow, now: Date, request?: ScopeRequest): Promise<InvoiceRow> {
  if (invoice.status !== 'open') throw cannotMarkUncollectible(invoice.status);
  const marked = await updateInvoiceIf(tx, {
    accountId: invoice.accountId,
    id: invoice.id,
    from: ['open'],
    set: { status: 'uncollectible', markedUncollectibleAt: now, nextPaymentAttempt: null },
  });
  if (!marked) throw new Error(`markInvoiceUncollectible: invoice ${invoice.id} moved under its lock`);
  await recordEvent(tx, {
    accountId: invoice.accountId,
    type: 'invoice.marked_uncollectible',
    object: await invoiceObject(tx, marked),
    request,
  });
  return marked;
}

/** POST /v1/invoices/:id/mark_uncollectible, at the invoice's own time (its test clock's, if it has one). */
export async function markInvoiceUncollectibleById(db: Db, scope: AccountScope & { id: string }) {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceOrThrow(tx, scope);
    return invoiceObject(tx, await markInvoiceUncollectible(tx, invoice, await billingNow(tx, invoice), scope.request));
  });
}
