import type { Tx } from '@/db/client';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { attachInvoiceItems, pendingInvoiceItemsOf } from '@/db/queries/invoice-items';
import { insertInvoice, insertInvoiceLines, type InvoiceRow } from '@/db/queries/invoices';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import type { ScopeRequest } from '@/db/scope';
import { newId } from '@/lib/util/ids';
import { lockCustomerBalance, settleCustomerBalance } from './customer-balance';
import { automaticInvoiceTax, draftValues } from './automatic-invoice-tax';
import { customerSnapshot } from './customer-snapshot';
import { taxLocationInvalid } from './invoice-errors';
import { invoiceItemLines, lineRows, type AutomaticRates } from './draft-lines';
import { nextInvoiceNumber } from './invoice-number';
import { invoiceTotals } from './invoice-totals';

/**
 * `proration_behavior=always_invoice`: an invoice made and finalized at once (`subscription_update`) from
 * the subscription's pending invoice items, the change's prorations among them. The customer's balance is
 * applied; what is left to pay is due now (`next_payment_attempt`), for the payment sweep to charge off
 * session, and nothing left to pay makes it paid. Under the subscription's lock; announcing it is the
 * caller's (announceNewInvoice).
 */
export async function invoicePendingItems(tx: Tx, sub: SubscriptionRow, p: { now: Date; request?: ScopeRequest }): Promise<InvoiceRow> {
  const pending = await pendingInvoiceItemsOf(tx, sub.id);
  const rates = await taxRatesByIds(tx, sub.accountId, [...pending.flatMap((i) => i.taxRateIds), ...sub.defaultTaxRateIds]);
  const linesTaxed = (automatic?: AutomaticRates) =>
    invoiceItemLines(pending, { defaultTaxRateIds: sub.defaultTaxRateIds, rates, automatic });
  const tax = sub.automaticTax
    ? await automaticInvoiceTax(tx, sub, { items: pending, at: p.now, values: () => draftValues(linesTaxed(new Map())) })
    : null;
  // Finalized at once: automatic tax must know where the customer is (the change is refused, nothing written).
  if (tax?.status === 'requires_location_inputs') throw taxLocationInvalid();
  const lines = linesTaxed(tax?.automatic);
  const totals = invoiceTotals(lines);
  const balance = await lockCustomerBalance(tx, { accountId: sub.accountId, customerId: sub.customerId, total: totals.total });
  const paid = balance.amountDue === 0;
  const id = newId('in');
  const invoice = await insertInvoice(tx, {
    id,
    accountId: sub.accountId,
    customerId: sub.customerId,
    subscriptionId: sub.id,
    testClockId: sub.testClockId,
    status: paid ? 'paid' : 'open',
    billingReason: 'subscription_update',
    currency: sub.currency,
    number: await nextInvoiceNumber(tx, sub.accountId),
    description: sub.description,
    ...totals,
    automaticTaxStatus: tax?.status ?? null,
    amountDue: balance.amountDue,
    amountPaid: 0,
    amountRemaining: balance.amountDue,
    startingBalance: balance.startingBalance,
    endingBalance: balance.endingBalance,
    periodStart: p.now,
    periodEnd: p.now,
    customer: customerSnapshot(balance.customer ?? {}, tax?.snapshot),
    defaultPaymentMethodId: sub.defaultPaymentMethodId,
    nextPaymentAttempt: paid ? null : p.now,
    finalizedAt: p.now,
    paidAt: paid ? p.now : null,
    createdAt: p.now,
  });
  if (!invoice) throw new Error(`invoicePendingItems: invoice ${id} was not inserted`);
  await settleCustomerBalance(tx, { customer: balance.customer, endingBalance: balance.endingBalance, request: p.request });
  await attachInvoiceItems(
    tx,
    pending.map((i) => i.id),
    id,
  );
  await insertInvoiceLines(tx, lineRows(lines, { accountId: sub.accountId, invoiceId: id, now: p.now }));
  return invoice;
}
