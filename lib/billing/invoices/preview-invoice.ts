import type { Queryable } from '@/db/client';
import { getAccount } from '@/db/queries/accounts';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { findCoupon } from '@/db/queries/coupons';
import { findCustomer } from '@/db/queries/customers';
import { pendingInvoiceItemsOf } from '@/db/queries/invoice-items';
import type { InvoiceLineRow, InvoiceRow } from '@/db/queries/invoices';
import { findSubscription, nextRenewingSubscriptionOf, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { AccountScope } from '@/db/scope';
import { ApiError, invalidRequest, noSuchObject } from '@/lib/api/errors';
import { serializeInvoice } from '@/lib/api/serialize/invoice';
import { env } from '@/lib/env';
import { newId, randomBase62 } from '@/lib/util/ids';
import { present } from '@/lib/util/present';
import type { PreviewInvoiceParams } from '@/lib/validation/invoice-preview';
import { periodAt, periodBoundary } from '../periods';
import { itemChangesFromParams } from '../subscriptions/change-params';
import { planItemChanges, type ItemPlan } from '../subscriptions/plan-item-changes';
import { prorationItems, unsavedItemRows } from '../subscriptions/proration-items';
import { balanceApplied } from './customer-balance';
import { customerSnapshot } from './customer-snapshot';
import { automaticInvoiceTax, draftValues } from './automatic-invoice-tax';
import { cycleLines } from './cycle-lines';
import { invoiceItemLines, lineRows, type AutomaticRates, type DraftLine } from './draft-lines';
import { invoiceTotals } from './invoice-totals';

const noUpcoming = (customerId: string) =>
  new ApiError({
    status: 404,
    type: 'invalid_request_error',
    code: 'invoice_upcoming_none',
    message: `No upcoming invoices for customer: ${customerId}`,
  });

/** The subscription previewed: the one named, or the customer's that renews first. */
async function previewed(db: Queryable, accountId: string, p: PreviewInvoiceParams): Promise<SubscriptionRow> {
  if (p.subscription) {
    const sub = await findSubscription(db, { accountId, id: p.subscription });
    if (!sub) throw noSuchObject('subscription', p.subscription, 'subscription', 400);
    if (p.customer && p.customer !== sub.customerId)
      throw invalidRequest(`The subscription ${sub.id} does not belong to the customer ${p.customer}.`, 'customer');
    return sub;
  }
  if (!p.customer) throw invalidRequest('Missing required param: customer or subscription.', 'customer', 'parameter_missing');
  if (p.subscription_details?.items)
    throw invalidRequest(
      'Previewing a new subscription is not supported by Caisse: pass the subscription whose change to preview.',
      'subscription',
      'parameter_missing',
    );
  if (!(await findCustomer(db, { accountId, id: p.customer }))) throw noSuchObject('customer', p.customer, 'customer', 400);
  const sub = await nextRenewingSubscriptionOf(db, { accountId, customerId: p.customer });
  if (!sub) throw noUpcoming(p.customer);
  return sub;
}

/** `items[0][price]` → `subscription_details[items][0][price]`: the change's errors, named where the preview takes them. */
async function inDetails<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof ApiError) || !err.param || !/^(items|proration_date|proration_behavior)\b/.test(err.param)) throw err;
    const [head, ...rest] = err.param.split('[');
    const param = `subscription_details[${head}]${rest.length ? `[${rest.join('[')}` : ''}`;
    throw new ApiError({ status: err.status, type: err.type, message: err.message, code: err.code, param });
  }
}

/** The period after the current one, on the billing cycle of the prices the subscription will have. */
function nextPeriod(plan: ItemPlan): { start: Date; end: Date } {
  const { sub } = plan;
  const price = present(plan.prices.get(plan.items[0].priceId), 'the first item’s price');
  const r = present(price.recurring, `${price.id}'s recurrence`);
  const recurrence = { interval: r.interval, intervalCount: r.interval_count };
  const start = sub.currentPeriodEnd;
  if (start < sub.billingCycleAnchor) return { start, end: periodBoundary(start, recurrence, 1) };
  return { start, end: periodAt(sub.billingCycleAnchor, recurrence, start).end };
}

/**
 * `POST /v1/invoices/create_preview` for a subscription and a change of its items: the invoice it would get,
 * not saved. With `proration_behavior=always_invoice` and prorations, the invoice the change makes at once;
 * otherwise the next renewal's: pending items, the change's prorations, then the next period's lines. The
 * prorations come from the same plan the change applies, so a change made with the same `proration_date`
 * makes the same amounts.
 */
export async function previewInvoice(db: Queryable, scope: AccountScope, p: PreviewInvoiceParams, now = new Date()) {
  const accountId = scope.accountId;
  const sub = await previewed(db, accountId, p);
  const sd = p.subscription_details ?? {};
  if (sd.proration_date !== undefined && sd.proration_behavior === 'none')
    throw invalidRequest(
      'subscription_details[proration_behavior] cannot be none when subscription_details[proration_date] is set.',
      'subscription_details[proration_behavior]',
    );
  const changes = await inDetails(() => Promise.resolve(itemChangesFromParams(sd.items ?? [])));
  if (!changes.length && (sub.status === 'canceled' || sub.status === 'incomplete_expired')) throw noUpcoming(sub.customerId);
  const plan = await inDetails(() =>
    planItemChanges(db, sub, changes, { prorationBehavior: sd.proration_behavior, prorationDate: sd.proration_date, now }),
  );
  const prorations = unsavedItemRows(prorationItems(plan));
  const [pending, customer, account, coupon] = await Promise.all([
    pendingInvoiceItemsOf(db, sub.id, { lock: false }),
    findCustomer(db, { accountId, id: sub.customerId, includeDeleted: true }),
    getAccount(db, accountId),
    sub.discount ? findCoupon(db, { accountId, id: sub.discount.coupon, includeDeleted: true }) : null,
  ]);
  const items = [...pending, ...prorations];
  const rates = await taxRatesByIds(db, accountId, [
    ...items.flatMap((i) => i.taxRateIds),
    ...plan.items.flatMap((i) => i.taxRateIds),
    ...sub.defaultTaxRateIds,
  ]);
  const immediate = plan.behavior === 'always_invoice' && prorations.length > 0;
  const ends = sub.cancelAtPeriodEnd || (sub.cancelAt !== null && sub.cancelAt <= sub.currentPeriodEnd);
  const cycle = immediate || ends ? [] : plan.items;
  const issuedAt = immediate ? plan.now : sub.currentPeriodEnd;
  const linesTaxed = (automatic?: AutomaticRates): DraftLine[] => [
    ...invoiceItemLines(items, { defaultTaxRateIds: sub.defaultTaxRateIds, rates, automatic }),
    ...(cycle.length
      ? cycleLines({ sub, items: cycle, prices: plan.prices, products: plan.products, rates, coupon, period: nextPeriod(plan), automatic })
      : []),
  ];
  const tax = sub.automaticTax
    ? await automaticInvoiceTax(db, sub, {
        items: [
          ...items,
          ...cycle.map((i) => ({ id: i.id, priceId: i.priceId, productId: plan.prices.get(i.priceId)?.productId ?? null })),
        ],
        at: issuedAt,
        values: () => draftValues(linesTaxed(new Map())),
      })
    : null;
  const lines = linesTaxed(tax?.automatic);
  if (!lines.length) throw noUpcoming(sub.customerId);
  const totals = invoiceTotals(lines);
  const balance = balanceApplied(customer?.balance ?? 0, totals.total);
  const invoice: InvoiceRow = {
    id: `upcoming_${newId('in')}`,
    seq: 0,
    accountId,
    livemode: false,
    metadata: {},
    createdAt: issuedAt,
    customerId: sub.customerId,
    subscriptionId: sub.id,
    testClockId: sub.testClockId,
    checkoutSessionId: null,
    status: 'draft',
    billingReason: immediate ? 'subscription_update' : 'subscription_cycle',
    collectionMethod: 'charge_automatically',
    currency: sub.currency,
    number: null,
    description: sub.description,
    ...totals,
    automaticTaxStatus: tax?.status ?? null,
    amountDue: balance.amountDue,
    amountPaid: 0,
    amountRemaining: balance.amountDue,
    startingBalance: balance.startingBalance,
    endingBalance: null,
    periodStart: immediate ? plan.now : sub.currentPeriodStart,
    periodEnd: immediate ? plan.now : sub.currentPeriodEnd,
    customer: customer ? customerSnapshot(customer, tax?.snapshot) : null,
    defaultPaymentMethodId: sub.defaultPaymentMethodId,
    paymentIntentId: null,
    attemptCount: 0,
    nextPaymentAttempt: issuedAt,
    autoAdvance: true,
    finalizedAt: null,
    paidAt: null,
    voidedAt: null,
    markedUncollectibleAt: null,
  };
  // Previewed prorations are not invoice items yet: their lines name none.
  const unsaved = new Set(prorations.map((i) => i.id));
  const shown: InvoiceLineRow[] = lineRows(lines, { accountId, invoiceId: invoice.id, now: issuedAt }).map((row, i) => ({
    ...row,
    id: `il_tmp_${randomBase62(24)}`,
    invoiceItemId: row.invoiceItemId && !unsaved.has(row.invoiceItemId) ? row.invoiceItemId : null,
    seq: i,
    livemode: false,
    metadata: {},
  }));
  const object = serializeInvoice(invoice, shown, { appUrl: env().APP_URL, account: present(account, `account ${accountId}`) });
  // A renewal not yet made is Stripe's `upcoming` invoice.
  return { ...object, billing_reason: immediate ? object.billing_reason : ('upcoming' as const) };
}
