import 'server-only';
import type { Db, Queryable } from '@/db/client';
import { pricesByIds, productsByIds, type PriceRow } from '@/db/queries/checkout-refs';
import { subscriptionItemsOf, type SubscriptionItemRow, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { PortalFeatures } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { billingNow } from '@/lib/billing/clock';
import { previewInvoice } from '@/lib/billing/invoices/preview-invoice';
import { modifySubscription } from '@/lib/billing/subscriptions/modify-subscription';
import type { ProrationBehavior } from '@/lib/billing/subscriptions/plan-item-changes';
import { formatAmount } from '@/lib/money/format';
import { previewInvoiceSchema } from '@/lib/validation/invoice-preview';
import { updateSubscriptionSchema } from '@/lib/validation/subscriptions';
import {
  openWithFeature,
  ownLiveSubscription,
  refusedOnApiError,
  type OpenPortal,
  type PortalActionResult,
  type PortalTarget,
} from './portal-access';

/**
 * Switching a subscription's plan in the portal (features.subscription_update): the prices the configuration
 * offers, the confirmation's amount (POST /v1/invoices/create_preview's code) and the switch itself
 * (POST /v1/subscriptions/:id's code), both with the configuration's proration_behavior. Only a subscription
 * with a single item switches; the price is always checked here, never taken from the form as is.
 */

/** A price the customer may switch to, formatted in the page's language. */
export type PortalPlanOption = { priceId: string; product: string; amount: string; interval: string; intervalCount: number };

/** The confirmation step: what the switch costs, from the same preview the API gives. */
export type PortalSwitchPreview = {
  subscriptionId: string;
  option: PortalPlanOption;
  /** The preview invoice's amount_due (minor units), and formatted. */
  amountDue: number;
  amount: string;
  /** true: invoiced at once (always_invoice); false: on the next invoice, issued on `invoiceDate`. */
  dueNow: boolean;
  invoiceDate: Date;
  /** The moment prorated (unix seconds), posted back by the confirmation so the switch prorates as previewed. */
  prorationDate: number | null;
};

const unix = (d: Date) => Math.floor(d.getTime() / 1000);
const HOUR_S = 3600;

const behaviorOf = (f: PortalFeatures) => f.subscription_update.proration_behavior as ProrationBehavior;

/** The prices the configuration lists that the subscription could take instead of `currentPriceId`. */
async function offeredPrices(db: Queryable, f: PortalFeatures, sub: SubscriptionRow, currentPriceId: string) {
  const listed = f.subscription_update.products.flatMap((p) => p.prices.map((price) => ({ product: p.product, price })));
  const prices = await pricesByIds(
    db,
    sub.accountId,
    listed.map((l) => l.price),
  );
  const offered = listed.flatMap(({ product, price: id }) => {
    const price = prices.get(id);
    const fits =
      price !== undefined &&
      price.id !== currentPriceId &&
      price.productId === product &&
      price.active &&
      price.type === 'recurring' &&
      price.recurring !== null &&
      price.unitAmount !== null &&
      price.currency === sub.currency;
    return fits ? [price] : [];
  });
  const products = await productsByIds(
    db,
    sub.accountId,
    offered.map((p) => p.productId),
  );
  return offered.flatMap((price) => {
    const product = products.get(price.productId);
    return product?.active ? [{ price, productName: product.name }] : [];
  });
}

const optionOf = (o: { price: PriceRow; productName: string }, locale: string): PortalPlanOption => ({
  priceId: o.price.id,
  product: o.productName,
  amount: formatAmount(o.price.unitAmount ?? 0, o.price.currency, locale),
  interval: o.price.recurring?.interval ?? '',
  intervalCount: o.price.recurring?.interval_count ?? 1,
});

/** The plans offered to a subscription of `items` (none unless it has exactly one). */
export async function planOptions(
  db: Queryable,
  f: PortalFeatures,
  sub: SubscriptionRow,
  items: Pick<SubscriptionItemRow, 'priceId'>[],
  locale: string,
): Promise<PortalPlanOption[]> {
  if (!f.subscription_update.enabled || items.length !== 1) return [];
  return (await offeredPrices(db, f, sub, items[0].priceId)).map((o) => optionOf(o, locale));
}

/** The subscription, its one item and the price asked for, when the configuration allows that switch; else null. */
async function allowedSwitch(db: Db, open: OpenPortal, p: { subscriptionId: string; priceId: string }) {
  const sub = await ownLiveSubscription(db, open.session, p.subscriptionId);
  if (!sub) return null;
  const items = await subscriptionItemsOf(db, { accountId: sub.accountId, subscriptionIds: [sub.id] });
  if (items.length !== 1) return null;
  const offer = (await offeredPrices(db, open.features, sub, items[0].priceId)).find((o) => o.price.id === p.priceId);
  return offer ? { sub, item: items[0], offer } : null;
}

/** The moment to prorate at: the subscription's now, within its current period (null when nothing is prorated). */
async function prorationDateOf(db: Queryable, sub: SubscriptionRow, behavior: ProrationBehavior): Promise<number | null> {
  if (behavior === 'none') return null;
  const now = unix(await billingNow(db, sub));
  return Math.min(unix(sub.currentPeriodEnd), Math.max(unix(sub.currentPeriodStart), now));
}

/** The confirmation of a switch of `subscriptionId` to `priceId`, or null when that switch is not allowed. */
export async function portalSwitchPreview(
  db: Db,
  p: PortalTarget & { subscriptionId: string; priceId: string; locale: string },
): Promise<PortalSwitchPreview | null> {
  const open = await openWithFeature(db, p, 'subscription_update');
  if (!open) return null;
  const allowed = await allowedSwitch(db, open, p);
  if (!allowed) return null;
  const { sub, item, offer } = allowed;
  const behavior = behaviorOf(open.features);
  const prorationDate = await prorationDateOf(db, sub, behavior);
  const params = previewInvoiceSchema.parse({
    subscription: sub.id,
    subscription_details: {
      items: [{ id: item.id, price: offer.price.id }],
      proration_behavior: behavior,
      ...(prorationDate === null ? {} : { proration_date: prorationDate }),
    },
  });
  try {
    const invoice = await previewInvoice(db, { accountId: sub.accountId }, params);
    return {
      subscriptionId: sub.id,
      option: optionOf(offer, p.locale),
      amountDue: invoice.amount_due,
      amount: formatAmount(invoice.amount_due, invoice.currency, p.locale),
      dueNow: invoice.billing_reason === 'subscription_update',
      invoiceDate: new Date(invoice.created * 1000),
      prorationDate,
    };
  } catch (e) {
    if (e instanceof ApiError) return null;
    throw e;
  }
}

/** A posted proration date is used only when it is one the confirmation could have shown: within the last hour. */
async function postedProrationDate(db: Queryable, sub: SubscriptionRow, posted: string): Promise<number | undefined> {
  if (!/^\d{1,12}$/.test(posted)) return undefined;
  const at = Number(posted);
  const now = unix(await billingNow(db, sub));
  return at <= now && at >= now - HOUR_S && at >= unix(sub.currentPeriodStart) ? at : undefined;
}

/** "Confirm": the switch, as POST /v1/subscriptions/:id makes it (items[0] to the new price, the configuration's proration_behavior). */
export async function portalSwitchPlan(
  db: Db,
  p: PortalTarget & { subscriptionId: string; priceId: string; prorationDate: string },
): Promise<PortalActionResult> {
  const open = await openWithFeature(db, p, 'subscription_update');
  if (!open) return 'expired';
  const allowed = await allowedSwitch(db, open, p);
  if (!allowed) return 'refused';
  const { sub, item, offer } = allowed;
  const behavior = behaviorOf(open.features);
  const prorationDate = behavior === 'none' ? undefined : await postedProrationDate(db, sub, p.prorationDate);
  const params = updateSubscriptionSchema.parse({
    items: [{ id: item.id, price: offer.price.id }],
    proration_behavior: behavior,
    ...(prorationDate === undefined ? {} : { proration_date: prorationDate }),
  });
  return refusedOnApiError(() => modifySubscription(db, { accountId: sub.accountId, id: sub.id }, params));
}
