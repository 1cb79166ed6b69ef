import type { Tx } from '@/db/client';
import { productsByIds, taxRatesByIds } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { findCustomer } from '@/db/queries/customers';
import { attachInvoiceItems, pendingInvoiceItemsOf } from '@/db/queries/invoice-items';
import { insertInvoice, insertInvoiceLines, type InvoiceRow, type NewInvoiceRow } from '@/db/queries/invoices';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import { newId } from '@/lib/util/ids';
import { lockCustomerBalance, settleCustomerBalance } from '../invoices/customer-balance';
import { customerSnapshot } from '../invoices/customer-snapshot';
import { cycleLines } from '../invoices/cycle-lines';
import { invoiceItemLines, lineRows, type AutomaticRates } from '../invoices/draft-lines';
import { nextInvoiceNumber } from '../invoices/invoice-number';
import { invoiceTotals } from '../invoices/invoice-totals';
import { automaticInvoiceTax, draftValues } from '../invoices/automatic-invoice-tax';
import type { SubscriptionItemView } from '@/lib/api/serialize/subscription';

/** How the invoice leaves the engine: finalized and owed (charged when due), or as pause_collection asks. */
type Disposition = 'open' | 'draft' | 'void' | 'uncollectible';

/**
 * The invoice for a subscription's next period (`subscription_cycle`): first the subscription's pending
 * invoice items (the prorations of its changes since the last invoice), then one line per item at its price
 * and quantity for [from, to), the subscription's discount while it lasts, each item's tax rates (or the
 * subscription's defaults), priced by the same engine as checkout (cycleLines, which the invoice preview
 * shares). `period` is the period that just ended, as Stripe dates a cycle invoice. Finalized with the
 * account's next number unless kept as a draft; an open one takes the customer's balance (a credit left by a
 * downgrade) and is due now, or paid at once when nothing is left to pay. Null when this period was
 * invoiced already.
 */
export async function createCycleInvoice(
  tx: Tx,
  p: {
    sub: SubscriptionRow;
    /** the subscription's items with their prices, as the caller read them under the subscription's lock */
    views: SubscriptionItemView[];
    from: Date;
    to: Date;
    period: { start: Date; end: Date };
    disposition: Disposition;
    now: Date;
  },
): Promise<InvoiceRow | null> {
  const { sub, views, now } = p;
  const accountId = sub.accountId;
  const pending = await pendingInvoiceItemsOf(tx, sub.id);
  const [products, rates, coupon] = await Promise.all([
    productsByIds(
      tx,
      accountId,
      views.map((v) => v.price.productId),
    ),
    taxRatesByIds(tx, accountId, [
      ...views.flatMap((v) => v.item.taxRateIds),
      ...pending.flatMap((i) => i.taxRateIds),
      ...sub.defaultTaxRateIds,
    ]),
    sub.discount ? findCoupon(tx, { accountId, id: sub.discount.coupon, includeDeleted: true }) : null,
  ]);
  const linesTaxed = (automatic?: AutomaticRates) => [
    ...invoiceItemLines(pending, { defaultTaxRateIds: sub.defaultTaxRateIds, rates, automatic }),
    ...cycleLines({
      sub,
      items: views.map((v) => v.item),
      prices: new Map(views.map((v) => [v.price.id, v.price])),
      products,
      rates,
      coupon,
      period: { start: p.from, end: p.to },
      automatic,
    }),
  ];
  const tax = sub.automaticTax
    ? await automaticInvoiceTax(tx, sub, {
        items: [...pending, ...views.map((v) => ({ id: v.item.id, priceId: v.price.id, productId: v.price.productId }))],
        at: now,
        values: () => draftValues(linesTaxed(new Map())),
      })
    : null;
  const lines = linesTaxed(tax?.automatic);
  const totals = invoiceTotals(lines);
  // Automatic tax that cannot tell where the customer is leaves the invoice a draft (Stripe's finalization fails).
  const disposition = tax?.status === 'requires_location_inputs' && p.disposition !== 'void' ? 'draft' : p.disposition;
  const open = disposition !== 'draft';
  // Only an invoice that is to be paid takes the customer's balance.
  const balance =
    disposition === 'open'
      ? await lockCustomerBalance(tx, { accountId, customerId: sub.customerId, total: totals.total })
      : {
          startingBalance: 0,
          endingBalance: null,
          amountDue: totals.total,
          customer: await findCustomer(tx, { accountId, id: sub.customerId }),
        };
  const paidAtOnce = disposition === 'open' && balance.amountDue === 0;
  const status: NewInvoiceRow['status'] = paidAtOnce ? 'paid' : disposition;
  const id = newId('in');
  const invoice = await insertInvoice(tx, {
    id,
    accountId,
    livemode: sub.livemode,
    customerId: sub.customerId,
    subscriptionId: sub.id,
    testClockId: sub.testClockId,
    status,
    billingReason: 'subscription_cycle',
    currency: sub.currency,
    number: open ? await nextInvoiceNumber(tx, accountId) : null,
    description: sub.description,
    ...totals,
    automaticTaxStatus: tax?.status ?? null,
    amountDue: balance.amountDue,
    amountPaid: 0,
    amountRemaining: status === 'open' ? balance.amountDue : 0,
    startingBalance: balance.startingBalance,
    endingBalance: balance.endingBalance,
    periodStart: p.period.start,
    periodEnd: p.period.end,
    customer: customerSnapshot(balance.customer ?? {}, tax?.snapshot),
    defaultPaymentMethodId: sub.defaultPaymentMethodId,
    nextPaymentAttempt: status === 'open' ? now : null,
    finalizedAt: open ? now : null,
    paidAt: paidAtOnce ? now : null,
    voidedAt: status === 'void' ? now : null,
    markedUncollectibleAt: status === 'uncollectible' ? now : null,
    createdAt: now,
  });
  if (!invoice) return null;
  await settleCustomerBalance(tx, { customer: balance.customer, endingBalance: balance.endingBalance });
  await attachInvoiceItems(
    tx,
    pending.map((i) => i.id),
    id,
  );
  await insertInvoiceLines(
    tx,
    lineRows(lines, { accountId, invoiceId: id, now }).map((row) => ({ ...row, livemode: sub.livemode })),
  );
  return invoice;
}
