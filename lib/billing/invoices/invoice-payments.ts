import type { Queryable } from '@/db/client';
import { findInvoice } from '@/db/queries/invoices';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { listObject } from '@/lib/api/list';
import { serializeInvoicePayment } from '@/lib/api/serialize/invoice-payment';

/**
 * An invoice's `payments` when expanded: its payment intent (one per invoice, every attempt made on it),
 * as an InvoicePayment; none when it was never charged (a zero total, paid out of band).
 */
export async function invoicePayments(db: Queryable, p: { accountId: string; invoiceId: string }) {
  const invoice = await findInvoice(db, { accountId: p.accountId, id: p.invoiceId });
  const intent = invoice?.paymentIntentId ? await findPaymentIntent(db, { accountId: p.accountId, id: invoice.paymentIntentId }) : null;
  const data = invoice && intent ? [serializeInvoicePayment(invoice, intent)] : [];
  return listObject(`/v1/invoice_payments?invoice=${p.invoiceId}`, data, false);
}
