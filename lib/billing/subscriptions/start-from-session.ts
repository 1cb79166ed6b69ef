import type { Tx } from '@/db/client';
import { sessionLineItems, type SessionRow } from '@/db/queries/checkout-sessions';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { insertInvoice, insertInvoiceLines, type InvoiceRow } from '@/db/queries/invoices';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { insertSubscription, insertSubscriptionItems, updateSubscriptionFields, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { StoredInvoiceTax, StoredSubscriptionDiscount } from '@/db/schema';
import { periodBoundary, type Recurrence } from '@/lib/billing/periods';
import { unix } from '@/lib/util/time';
import { newId } from '@/lib/util/ids';
import { nextInvoiceNumber } from '../invoices/invoice-number';
import { announceNewInvoice } from '../invoices/announce-invoice';
import { recordSubscriptionEvent } from './subscription-events';
import { customerSnapshot } from '../invoices/customer-snapshot';
import { reasonOf } from '../invoices/invoice-totals';

type SessionLine = Awaited<ReturnType<typeof sessionLineItems>>[number];

const DAY_MS = 86_400_000;

/** When the session's trial ends, or null without one. */
function trialEndOf(session: SessionRow, now: Date): Date | null {
  const sd = session.subscriptionData;
  if (sd?.trial_end !== undefined) return new Date(sd.trial_end * 1000);
  if (sd?.trial_period_days) return new Date(now.getTime() + sd.trial_period_days * DAY_MS);
  return null;
}

/** The checkout's discount as the subscription keeps it: `once` is spent on this first invoice, the others run on. */
async function carriedDiscount(tx: Tx, session: SessionRow, now: Date): Promise<StoredSubscriptionDiscount | null> {
  const applied = session.discounts.at(0);
  if (!applied) return null;
  const coupon = await findCoupon(tx, { accountId: session.accountId, id: applied.coupon, includeDeleted: true });
  if (!coupon || coupon.duration === 'once') return null;
  const end =
    coupon.duration === 'repeating' && coupon.durationInMonths
      ? unix(periodBoundary(now, { interval: 'month', intervalCount: coupon.durationInMonths }, 1))
      : null;
  return { id: applied.id, coupon: applied.coupon, promotion_code: applied.promotion_code, start: unix(now), end };
}

/**
 * Checkout completion in subscription mode: the subscription, its items and its first invoice
 * (`subscription_create`), holding every line of the cart, recurring and one-time, with the amounts the
 * customer was shown, paid by the session's payment (or owed, while a debit is on its way). In the
 * completing transaction; returns what the session points to.
 */
export async function startSubscriptionFromSession(
  tx: Tx,
  p: {
    session: SessionRow;
    customerId: string;
    paymentMethodId: string | null;
    intent: PaymentIntentRow | null;
    testClockId: string | null;
    now: Date;
  },
): Promise<{ subscription: SubscriptionRow; invoice: InvoiceRow }> {
  const { session, now } = p;
  const lines = await sessionLineItems(tx, { accountId: session.accountId, sessionId: session.id });
  const recurring = lines.filter((l) => l.price.recurring);
  const r = recurring.at(0)?.price.recurring;
  const currency = session.currency;
  // A subscription session has a currency and a recurring price (session-rules.ts).
  if (!r || !currency) throw new Error(`startSubscriptionFromSession: session ${session.id} has no recurring price`);
  const recurrence: Recurrence = { interval: r.interval, intervalCount: r.interval_count };
  const trialEnd = trialEndOf(session, now);
  const anchorParam = session.subscriptionData?.billing_cycle_anchor;
  // The cycle counts from the trial's end, from the anchor asked for, or from now.
  const anchor = trialEnd ?? (anchorParam !== undefined ? new Date(anchorParam * 1000) : now);
  const periodEnd = trialEnd ?? (anchorParam !== undefined ? anchor : periodBoundary(now, recurrence, 1));

  const subscription = await insertSubscription(tx, {
    id: newId('sub'),
    accountId: session.accountId,
    customerId: p.customerId,
    status: trialEnd ? 'trialing' : 'active',
    currency,
    defaultPaymentMethodId: p.paymentMethodId,
    billingCycleAnchor: anchor,
    currentPeriodStart: now,
    currentPeriodEnd: periodEnd,
    trialStart: trialEnd ? now : null,
    trialEnd,
    trialEndBehavior: session.subscriptionData?.trial_settings?.end_behavior.missing_payment_method ?? 'create_invoice',
    defaultTaxRateIds: session.subscriptionData?.default_tax_rates ?? [],
    // Taxed automatically at checkout, taxed automatically on every invoice after (lib/billing/invoices/automatic-invoice-tax.ts).
    automaticTax: session.automaticTax.enabled,
    discount: await carriedDiscount(tx, session, now),
    testClockId: p.testClockId,
    metadata: session.subscriptionData?.metadata ?? {},
    description: session.subscriptionData?.description ?? null,
    createdAt: now,
  });
  const itemIds = new Map(recurring.map((l) => [l.line.id, newId('si')]));
  await insertSubscriptionItems(
    tx,
    recurring.map((l) => ({
      id: itemIds.get(l.line.id) ?? newId('si'),
      accountId: session.accountId,
      subscriptionId: subscription.id,
      priceId: l.price.id,
      quantity: l.line.quantity,
      taxRateIds: l.line.taxRateIds,
      createdAt: now,
    })),
  );
  const invoice = await firstInvoice(tx, { ...p, subscription, lines, itemIds });
  const started = await updateSubscriptionFields(tx, {
    accountId: session.accountId,
    id: subscription.id,
    set: { latestInvoiceId: invoice.id },
  });
  await recordSubscriptionEvent(tx, 'customer.subscription.created', started);
  await announceNewInvoice(tx, invoice);
  return { subscription: started, invoice };
}

async function firstInvoice(
  tx: Tx,
  p: {
    session: SessionRow;
    subscription: SubscriptionRow;
    lines: SessionLine[];
    itemIds: Map<string, string>;
    intent: PaymentIntentRow | null;
    now: Date;
  },
): Promise<InvoiceRow> {
  const { session, subscription, now } = p;
  const anchored = session.subscriptionData?.billing_cycle_anchor !== undefined;
  const rates = await taxRatesByIds(
    tx,
    session.accountId,
    p.lines.flatMap((l) => l.line.taxes.map((t) => t.rate)),
  );
  const taxOf = (t: { amount: number; rate: string; taxable_amount: number }): StoredInvoiceTax => ({
    tax_rate: t.rate,
    amount: t.amount,
    taxable_amount: t.taxable_amount,
    inclusive: rates.get(t.rate)?.inclusive ?? false,
    ...reasonOf([...rates.values()], t.rate),
  });
  const details = session.totalDetails;
  const taxes = (details?.breakdown.taxes ?? []).map(taxOf);
  const inclusiveTax = taxes.filter((t) => t.inclusive).reduce((sum, t) => sum + t.amount, 0);
  const subtotal = session.amountSubtotal ?? 0;
  const total = session.amountTotal ?? 0;
  // Paid by the session's payment, unless that is a debit still on its way.
  const paid = total === 0 || p.intent?.status === 'succeeded';
  const id = newId('in');
  const invoice = await insertInvoice(tx, {
    id,
    accountId: session.accountId,
    customerId: subscription.customerId,
    subscriptionId: subscription.id,
    testClockId: subscription.testClockId,
    checkoutSessionId: session.id,
    status: paid ? 'paid' : 'open',
    billingReason: 'subscription_create',
    currency: subscription.currency,
    number: await nextInvoiceNumber(tx, session.accountId),
    description: subscription.description,
    subtotal,
    subtotalExcludingTax: subtotal - inclusiveTax,
    total,
    totalExcludingTax: total - (details?.amount_tax ?? 0),
    totalTaxes: taxes,
    totalDiscountAmounts: details?.breakdown.discounts ?? [],
    automaticTaxStatus: session.automaticTax.enabled ? (session.automaticTax.status ?? 'complete') : null,
    amountDue: total,
    amountPaid: paid ? total : 0,
    amountRemaining: paid ? 0 : total,
    periodStart: now,
    periodEnd: now,
    customer: customerSnapshot(
      session.customerDetails ?? {},
      session.automaticTax.enabled
        ? { tax_exempt: session.customerDetails?.tax_exempt ?? 'none', tax_ids: session.customerDetails?.tax_ids ?? [] }
        : undefined,
    ),
    defaultPaymentMethodId: subscription.defaultPaymentMethodId,
    paymentIntentId: p.intent?.id ?? null,
    attemptCount: p.intent ? 1 : 0,
    finalizedAt: now,
    paidAt: paid ? now : null,
    createdAt: now,
  });
  if (!invoice) throw new Error(`firstInvoice: invoice ${id} was not inserted`);
  await insertInvoiceLines(
    tx,
    p.lines.map(({ line, price }, position) => {
      const itemId = p.itemIds.get(line.id) ?? null;
      const onTrial = itemId !== null && subscription.trialEnd !== null;
      // Up to a billing_cycle_anchor, a recurring line charges the prorated rest of a period (first-period.ts).
      const prorated = itemId !== null && anchored && session.subscriptionData?.proration_behavior !== 'none';
      return {
        id: newId('il'),
        accountId: session.accountId,
        invoiceId: id,
        position,
        description: onTrial
          ? `Trial period for ${line.description ?? ''}`
          : `${prorated ? 'Remaining time on ' : ''}${line.quantity} × ${line.description ?? ''}`,
        amount: line.amountSubtotal,
        currency: subscription.currency,
        quantity: line.quantity,
        priceId: price.id,
        productId: line.productId,
        subscriptionId: itemId ? subscription.id : null,
        subscriptionItemId: itemId,
        // A recurring line covers the first period; a one-time line is for the moment it was bought.
        periodStart: now,
        periodEnd: itemId ? subscription.currentPeriodEnd : now,
        discountAmounts: line.discounts,
        taxes: line.taxes.map(taxOf),
        createdAt: now,
      };
    }),
  );
  return invoice;
}
