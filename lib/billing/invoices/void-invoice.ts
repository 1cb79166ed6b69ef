import type { Db, Tx } from '@/db/client';
import { findInvoice, updateInvoiceIf, type InvoiceRow } from '@/db/queries/invoices';
import { cancelIntentIfStatusIn } from '@/db/queries/payment-intents';
import type { AccountScope, ScopeRequest } from '@/db/scope';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { lockInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { billingNow } from '../clock';
import { invoiceObject } from './invoice-reads';

/** What may be voided: a finalized invoice nobody paid (open, or written off as uncollectible). */
export const VOIDABLE_INVOICE_STATUSES: InvoiceRow['status'][] = ['open', 'uncollectible'];

/**
 * Cancels the payment intent of an invoice that is closing without a charge (voided, paid out of band),
 * unless a charge is in flight on it: that one's outcome, recorded once the invoice is no longer open,
 * is reversed (record-invoice-outcome.ts).
 */
export async function closeInvoiceIntent(
  tx: Tx,
  invoice: InvoiceRow,
  p: { now: Date; reason: 'void_invoice' | 'automatic'; request?: ScopeRequest },
): Promise<void> {
  if (!invoice.paymentIntentId) return;
  const canceled = await cancelIntentIfStatusIn(tx, {
    id: invoice.paymentIntentId,
    from: ['requires_payment_method', 'requires_confirmation', 'requires_action'],
    now: p.now,
    reason: p.reason,
  });
  if (canceled)
    await recordEvent(tx, {
      accountId: invoice.accountId,
      type: 'payment_intent.canceled',
      object: serializePaymentIntent(canceled),
      request: p.request,
    });
}

/**
 * Voids an invoice (POST /v1/invoices/:id/void and the dashboard): it stays, with its number, but is owed
 * no more and never charged again. One conditional update, so that of a payment recorded at the same
 * moment and the void only one wins (a payment that lands later is reversed: record-invoice-outcome.ts).
 * Its payment intent, unless a charge is in flight, is canceled (`void_invoice`), as Stripe does.
 * Records `invoice.voided`.
 */
export async function voidInvoice(tx: Tx, invoice: InvoiceRow, now: Date, request?: ScopeRequest): Promise<InvoiceRow> {
  const voided = await updateInvoiceIf(tx, {
    accountId: invoice.accountId,
    id: invoice.id,
    from: VOIDABLE_INVOICE_STATUSES,
    set: { status: 'void', voidedAt: now, autoAdvance: false, nextPaymentAttempt: null },
  });
  if (!voided) {
    const current = await findInvoice(tx, { accountId: invoice.accountId, id: invoice.id });
    if (!current) throw noSuchObject('invoice', invoice.id);
    throw invalidRequest(`You can only void an invoice that is open or uncollectible; this invoice is ${current.status}.`);
  }
  await closeInvoiceIntent(tx, voided, { now, reason: 'void_invoice', request });
  await recordEvent(tx, { accountId: voided.accountId, type: 'invoice.voided', object: await invoiceObject(tx, voided), request });
  return voided;
}

/** POST /v1/invoices/:id/void, at the invoice's own time (its test clock's, if it has one). */
export async function voidInvoiceById(db: Db, scope: AccountScope & { id: string }) {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceOrThrow(tx, scope);
    return invoiceObject(tx, await voidInvoice(tx, invoice, await billingNow(tx, invoice), scope.request));
  });
}
