import type { Tx } from '@/db/client';
import { updateInvoiceIf, type InvoiceRow } from '@/db/queries/invoices';
import { lockSubscription } from '@/db/queries/subscriptions';
import type { ScopeRequest } from '@/db/scope';
import { recordEvent } from '@/lib/events/record-event';
import { changeSubscription } from '../subscriptions/update-subscription';
import { notPayable } from './invoice-errors';
import { invoiceObject } from './invoice-reads';
import { closeInvoiceIntent } from './void-invoice';

/**
 * The merchant was paid some other way (`paid_out_of_band`): an open or uncollectible invoice becomes paid
 * for what it still owed, without a charge (the caller holds its lock). Its waiting payment intent is
 * closed; a subscription it had made past due or unpaid is active again, as after a charge.
 * `invoice.paid` (no `invoice.payment_succeeded`: no payment was made through Caisse).
 */
export async function markPaidOutOfBand(tx: Tx, invoice: InvoiceRow, now: Date, request?: ScopeRequest): Promise<InvoiceRow> {
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible') throw notPayable(invoice.status);
  const paid = await updateInvoiceIf(tx, {
    accountId: invoice.accountId,
    id: invoice.id,
    from: ['open', 'uncollectible'],
    set: {
      status: 'paid',
      amountPaid: invoice.amountPaid + invoice.amountRemaining,
      amountRemaining: 0,
      paidAt: now,
      nextPaymentAttempt: null,
    },
  });
  if (!paid) throw new Error(`markPaidOutOfBand: invoice ${invoice.id} moved under its lock`);
  await closeInvoiceIntent(tx, paid, { now, reason: 'automatic', request });
  await recordEvent(tx, { accountId: paid.accountId, type: 'invoice.paid', object: await invoiceObject(tx, paid), request });
  if (paid.subscriptionId) {
    const sub = await lockSubscription(tx, { accountId: paid.accountId, id: paid.subscriptionId });
    if (sub && (sub.status === 'past_due' || sub.status === 'unpaid' || sub.status === 'incomplete'))
      await changeSubscription(tx, sub, { status: 'active' }, 'customer.subscription.updated', request);
  }
  return paid;
}
