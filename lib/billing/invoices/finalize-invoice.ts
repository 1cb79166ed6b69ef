import type { Db, Tx } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { updateInvoiceIf, type InvoiceRow } from '@/db/queries/invoices';
import type { AccountScope, ScopeRequest } from '@/db/scope';
import { lockInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { recordEvent } from '@/lib/events/record-event';
import type { FinalizeInvoiceParams } from '@/lib/validation/invoices';
import { billingNow } from '../clock';
import { customerSnapshot } from './customer-snapshot';
import { alreadyFinalized } from './invoice-errors';
import { nextInvoiceNumber } from './invoice-number';
import { invoiceObject } from './invoice-reads';
import { retaxDraft } from './retax-draft';

/**
 * A draft becomes open (the caller holds its lock): it takes the account's next number, freezes who it
 * is for, and is charged automatically from now on while `auto_advance` is on; automatic tax is computed
 * again (retaxDraft). Nothing owed: it is paid at once. Events: `invoice.finalized` (then `invoice.paid` and
 * `invoice.payment_succeeded` if nothing was owed).
 */
export async function finalizeInvoice(
  tx: Tx,
  invoice: InvoiceRow,
  p: { now: Date; autoAdvance?: boolean; request?: ScopeRequest },
): Promise<InvoiceRow> {
  if (invoice.status !== 'draft') throw alreadyFinalized();
  const customer = await findCustomer(tx, { accountId: invoice.accountId, id: invoice.customerId, includeDeleted: true });
  const retaxed = await retaxDraft(tx, invoice, p.now);
  const remaining = Math.max(0, (retaxed?.changes.amountDue ?? invoice.amountDue) - invoice.amountPaid);
  const autoAdvance = p.autoAdvance ?? invoice.autoAdvance;
  const paid = remaining === 0;
  const finalized = await updateInvoiceIf(tx, {
    accountId: invoice.accountId,
    id: invoice.id,
    from: ['draft'],
    set: {
      ...retaxed?.changes,
      status: paid ? 'paid' : 'open',
      number: await nextInvoiceNumber(tx, invoice.accountId),
      customer: customer ? customerSnapshot(customer, retaxed?.taxCustomer) : invoice.customer,
      amountRemaining: remaining,
      autoAdvance,
      nextPaymentAttempt: !paid && autoAdvance && invoice.collectionMethod === 'charge_automatically' ? p.now : null,
      finalizedAt: p.now,
      paidAt: paid ? p.now : null,
    },
  });
  if (!finalized) throw new Error(`finalizeInvoice: invoice ${invoice.id} moved under its lock`);
  const object = await invoiceObject(tx, finalized);
  const event = { accountId: invoice.accountId, object, request: p.request };
  await recordEvent(tx, { ...event, type: 'invoice.finalized' });
  if (paid) {
    await recordEvent(tx, { ...event, type: 'invoice.paid' });
    await recordEvent(tx, { ...event, type: 'invoice.payment_succeeded' });
  }
  return finalized;
}

/** POST /v1/invoices/:id/finalize, at the invoice's own time (its test clock's, if it has one). */
export async function finalizeInvoiceById(db: Db, scope: AccountScope & { id: string }, p: FinalizeInvoiceParams) {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceOrThrow(tx, scope);
    const finalized = await finalizeInvoice(tx, invoice, {
      now: await billingNow(tx, invoice),
      autoAdvance: p.auto_advance,
      request: scope.request,
    });
    return invoiceObject(tx, finalized);
  });
}
