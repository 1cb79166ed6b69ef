import type { Db } from '@/db/client';
import type { InvoiceRow } from '@/db/queries/invoices';
import type { AccountScope } from '@/db/scope';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { getInvoiceOrThrow, lockInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import type { PaymentProcessor } from '@/lib/payments/processor';
import type { PayInvoiceParams } from '@/lib/validation/invoices';
import { billingNow } from '../clock';
import { customerCardOrThrow } from '../customer-card';
import { finalizeInvoice } from './finalize-invoice';
import {
  alreadyPaid,
  invoiceDeclined,
  invoiceRequiresAction,
  notPayable,
  paymentInProgress,
  uncollectibleNotCharged,
} from './invoice-errors';
import { invoiceObject } from './invoice-reads';
import { markPaidOutOfBand } from './paid-out-of-band';
import { NO_PAYMENT_METHOD, payInvoiceOffSession, type InvoicePaymentResult } from './pay-invoice';

/** A draft is finalized first; out of band, it is marked paid; otherwise what is left is to charge it (null). */
async function settleWithoutCharge(db: Db, scope: AccountScope & { id: string }, p: PayInvoiceParams): Promise<InvoiceRow | null> {
  return db.transaction(async (tx) => {
    let invoice = await lockInvoiceOrThrow(tx, scope);
    const now = await billingNow(tx, invoice);
    if (invoice.status === 'draft') {
      invoice = await finalizeInvoice(tx, invoice, { now, request: scope.request });
      // Nothing was owed: finalizing paid it.
      if (invoice.status === 'paid') return invoice;
    }
    if (invoice.status === 'paid' || invoice.status === 'void') throw notPayable(invoice.status);
    if (p.paid_out_of_band) return markPaidOutOfBand(tx, invoice, now, scope.request);
    if (invoice.status === 'uncollectible') throw uncollectibleNotCharged();
    return null;
  });
}

/** What the charge came to, as the API answers it: the paid invoice, or Stripe's error for the outcome. */
async function answerFor(db: Db, scope: AccountScope & { id: string }, result: InvoicePaymentResult) {
  if (result.outcome === 'paid') return invoiceObject(db, result.invoice);
  if (result.outcome === 'declined') throw invoiceDeclined(result.decline, serializePaymentIntent(result.intent));
  if (result.outcome === 'requires_action') throw invoiceRequiresAction(serializePaymentIntent(result.intent));
  if (!result.invoice) throw noSuchObject('invoice', scope.id);
  if (result.reason === 'in_progress') throw paymentInProgress();
  if (result.reason === 'no_payment_method') throw invalidRequest(NO_PAYMENT_METHOD.message, undefined, 'resource_missing');
  if (result.reason === 'nothing_due') throw alreadyPaid();
  // Closed meanwhile: paid by another request, voided or written off.
  if (result.invoice.status === 'uncollectible') throw uncollectibleNotCharged();
  throw notPayable(result.invoice.status);
}

/**
 * POST /v1/invoices/:id/pay: finalizes a draft, then either marks the invoice paid out of band or charges
 * it now, off-session, with the card asked for or its default (one attempt; a decline leaves the retry
 * schedule as it was). A decline answers Stripe's 402 card error with the payment intent.
 */
export async function payInvoiceById(db: Db, scope: AccountScope & { id: string }, p: PayInvoiceParams, processor?: PaymentProcessor) {
  const found = await getInvoiceOrThrow(db, scope);
  if (p.payment_method !== undefined)
    await customerCardOrThrow(db, {
      accountId: scope.accountId,
      customerId: found.customerId,
      id: p.payment_method,
      param: 'payment_method',
    });
  const settled = await settleWithoutCharge(db, scope, p);
  if (settled) return invoiceObject(db, settled);
  const result = await payInvoiceOffSession(db, {
    accountId: scope.accountId,
    invoiceId: scope.id,
    paymentMethodId: p.payment_method,
    automatic: false,
    now: await billingNow(db, found),
    processor,
  });
  return answerFor(db, scope, result);
}
