import type { Tx } from '@/db/client';
import { findInvoice, updateInvoiceIf, type InvoiceRow } from '@/db/queries/invoices';
import { cancelIntentIfStatusIn } from '@/db/queries/payment-intents';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { invoiceObject } from './invoice-reads';

/** What may be voided: a finalized invoice nobody paid (open, or written off as uncollectible). */
export const VOIDABLE_INVOICE_STATUSES: InvoiceRow['status'][] = ['open', 'uncollectible'];

/**
 * Voids an invoice (POST /v1/invoices/:id/void and the dashboard): it stays, with its number, but is owed
 * no more and never charged again. One conditional update, so that of a payment recorded at the same
 * moment and the void only one wins (a payment that lands later is reversed: record-invoice-outcome.ts).
 * Its payment intent, unless a charge is in flight, is canceled (`void_invoice`), as Stripe does.
 * Records `invoice.voided`.
 */
export async function voidInvoice(tx: Tx, invoice: InvoiceRow, now: Date): Promise<InvoiceRow> {
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
  const accountId = voided.accountId;
  if (voided.paymentIntentId) {
    const canceled = await cancelIntentIfStatusIn(tx, {
      id: voided.paymentIntentId,
      from: ['requires_payment_method', 'requires_confirmation', 'requires_action'],
      now,
      reason: 'void_invoice',
    });
    if (canceled) await recordEvent(tx, { accountId, type: 'payment_intent.canceled', object: serializePaymentIntent(canceled) });
  }
  await recordEvent(tx, { accountId, type: 'invoice.voided', object: await invoiceObject(tx, voided) });
  return voided;
}
