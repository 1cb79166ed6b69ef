import type { Tx } from '@/db/client';
import { productsByIds, taxRatesByIds } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { findCustomer } from '@/db/queries/customers';
import { insertInvoice, insertInvoiceLines, type InvoiceRow, type NewInvoiceRow } from '@/db/queries/invoices';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import type { StoredInvoiceTax } from '@/db/schema';
import { buildPricingInput } from '@/lib/checkout/pricing-input';
import { computeTotals } from '@/lib/pricing/compute-totals';
import type { TaxAmount } from '@/lib/pricing/types';
import { newId } from '@/lib/util/ids';
import { customerSnapshot } from '../invoices/customer-snapshot';
import { nextInvoiceNumber } from '../invoices/invoice-number';
import { itemViews } from '../subscription-reads';

const taxOf = (t: TaxAmount): StoredInvoiceTax => ({
  tax_rate: t.rateId,
  amount: t.amount,
  taxable_amount: t.taxableAmount,
  inclusive: t.inclusive,
});

/** How the invoice leaves the engine: finalized and owed (charged when due), or as pause_collection asks. */
type Disposition = 'open' | 'draft' | 'void' | 'uncollectible';

/**
 * The invoice for a subscription's next period (`subscription_cycle`): one line per item at its price and
 * quantity for [from, to), the subscription's discount while it lasts, each item's tax rates (or the
 * subscription's defaults), priced by the same engine as checkout. `period` is the period that just
 * ended, as Stripe dates a cycle invoice. Finalized with the account's next number unless kept as a
 * draft; a zero total is paid at once; an open one is due now. Null when this period was invoiced already.
 */
export async function createCycleInvoice(
  tx: Tx,
  p: { sub: SubscriptionRow; from: Date; to: Date; period: { start: Date; end: Date }; disposition: Disposition; now: Date },
): Promise<InvoiceRow | null> {
  const { sub, now } = p;
  const views = (await itemViews(tx, sub.accountId, [sub])).get(sub.id) ?? [];
  const [products, defaults, coupon, customer] = await Promise.all([
    productsByIds(
      tx,
      sub.accountId,
      views.map((v) => v.price.productId),
    ),
    taxRatesByIds(tx, sub.accountId, sub.defaultTaxRateIds),
    sub.discount ? findCoupon(tx, { accountId: sub.accountId, id: sub.discount.coupon, includeDeleted: true }) : null,
    findCustomer(tx, { accountId: sub.accountId, id: sub.customerId }),
  ]);
  const defaultRates = sub.defaultTaxRateIds.flatMap((id) => defaults.get(id) ?? []);
  const priced = computeTotals(
    buildPricingInput({
      currency: sub.currency,
      lines: views.map((v) => ({
        key: v.item.id,
        price: v.price,
        quantity: v.item.quantity,
        taxRates: v.item.taxRateIds.length ? v.taxRates : defaultRates,
      })),
      discount: sub.discount && coupon ? { id: sub.discount.id, coupon, promotionCodeId: sub.discount.promotion_code } : null,
      shipping: null,
    }),
  );
  const discountId = sub.discount?.id ?? '';
  const inclusiveTax = priced.breakdown.taxes.filter((t) => t.inclusive).reduce((sum, t) => sum + t.amount, 0);
  const open = p.disposition !== 'draft';
  const paidAtOnce = p.disposition === 'open' && priced.amountTotal === 0;
  const status: NewInvoiceRow['status'] = paidAtOnce ? 'paid' : p.disposition;
  const id = newId('in');
  const invoice = await insertInvoice(tx, {
    id,
    accountId: sub.accountId,
    livemode: sub.livemode,
    customerId: sub.customerId,
    subscriptionId: sub.id,
    testClockId: sub.testClockId,
    status,
    billingReason: 'subscription_cycle',
    currency: sub.currency,
    number: open ? await nextInvoiceNumber(tx, sub.accountId) : null,
    description: sub.description,
    subtotal: priced.amountSubtotal,
    subtotalExcludingTax: priced.amountSubtotal - inclusiveTax,
    total: priced.amountTotal,
    totalExcludingTax: priced.amountTotal - priced.amountTax,
    totalTaxes: priced.breakdown.taxes.map(taxOf),
    totalDiscountAmounts: priced.breakdown.discounts.map((d) => ({ amount: d.amount, discount: discountId })),
    amountDue: priced.amountTotal,
    amountPaid: 0,
    amountRemaining: status === 'open' ? priced.amountTotal : 0,
    periodStart: p.period.start,
    periodEnd: p.period.end,
    customer: customerSnapshot(customer ?? {}),
    defaultPaymentMethodId: sub.defaultPaymentMethodId,
    nextPaymentAttempt: status === 'open' ? now : null,
    finalizedAt: open ? now : null,
    paidAt: paidAtOnce ? now : null,
    voidedAt: status === 'void' ? now : null,
    markedUncollectibleAt: status === 'uncollectible' ? now : null,
    createdAt: now,
  });
  if (!invoice) return null;
  const results = new Map(priced.lines.map((l) => [l.key, l]));
  await insertInvoiceLines(
    tx,
    views.map((v, position) => {
      const r = results.get(v.item.id);
      const name = products.get(v.price.productId)?.name ?? '';
      return {
        id: newId('il'),
        accountId: sub.accountId,
        livemode: sub.livemode,
        invoiceId: id,
        position,
        description: `${v.item.quantity} × ${name}`,
        amount: r?.amountSubtotal ?? 0,
        currency: sub.currency,
        quantity: v.item.quantity,
        priceId: v.price.id,
        productId: v.price.productId,
        subscriptionId: sub.id,
        subscriptionItemId: v.item.id,
        periodStart: p.from,
        periodEnd: p.to,
        discountAmounts: (r?.discounts ?? []).map((d) => ({ amount: d.amount, discount: discountId })),
        taxes: (r?.taxes ?? []).map(taxOf),
        createdAt: now,
      };
    }),
  );
  return invoice;
}
