import 'server-only';
import type { Queryable } from '@/db/client';
import { productsByIds } from '@/db/queries/checkout-refs';
import { findCustomer } from '@/db/queries/customers';
import { invoicesOfSubscription } from '@/db/queries/dashboard-billing';
import { findPaymentMethod, type PaymentMethodRow } from '@/db/queries/payment-methods';
import { findSubscription } from '@/db/queries/subscriptions';
import { itemViews } from '@/lib/billing/subscription-reads';
import { LIVE_SUBSCRIPTION_STATUSES } from '@/lib/billing/subscriptions/cancel-subscription';
import { eventViewsAbout } from './event-views';
import { invoiceSummaries } from './invoice-summary';
import type { PaymentMethodSummary } from './payment-summary';
import { recurringAmount } from './subscription-summary';

/** How many of a subscription's invoices its page lists (newest first). */
export const SUBSCRIPTION_INVOICES_SHOWN = 50;

/** A saved payment method as the dashboard names it: a card's brand and last four digits, or a debited account's. */
export function savedMethodSummary(pm: Pick<PaymentMethodRow, 'card' | 'sepaDebit'> | null): PaymentMethodSummary {
  if (pm?.card) return { type: 'card', brand: pm.card.brand, last4: pm.card.last4 };
  if (pm?.sepaDebit) return { type: 'sepa_debit', last4: pm.sepaDebit.last4, country: pm.sepaDebit.country };
  return null;
}

/**
 * Everything a subscription's page shows, read for one account: the subscription, its items with their
 * prices and products, its customer, its default payment method, its invoices (newest first), the events
 * about it (oldest first), and whether the merchant may still cancel it. Null when the account has none.
 */
export async function subscriptionDetail(db: Queryable, p: { accountId: string; id: string }) {
  const sub = await findSubscription(db, p);
  if (!sub) return null;
  const { accountId } = p;
  const [views, customer, method, invoices, events] = await Promise.all([
    itemViews(db, accountId, [sub]),
    findCustomer(db, { accountId, id: sub.customerId, includeDeleted: true }),
    sub.defaultPaymentMethodId ? findPaymentMethod(db, { accountId, id: sub.defaultPaymentMethodId }) : null,
    invoicesOfSubscription(db, { accountId, subscriptionId: sub.id, limit: SUBSCRIPTION_INVOICES_SHOWN }),
    eventViewsAbout(db, { accountId, objectIds: [sub.id] }),
  ]);
  const items = views.get(sub.id) ?? [];
  const products = await productsByIds(
    db,
    accountId,
    items.map((v) => v.price.productId),
  );
  return {
    subscription: {
      id: sub.id,
      created: sub.createdAt,
      status: sub.status,
      currency: sub.currency,
      description: sub.description,
      currentPeriodStart: sub.currentPeriodStart,
      currentPeriodEnd: sub.currentPeriodEnd,
      trialStart: sub.trialStart,
      trialEnd: sub.trialEnd,
      cancelAt: sub.cancelAt,
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      canceledAt: sub.canceledAt,
      endedAt: sub.endedAt,
      cancellationReason: sub.cancellationDetails?.reason ?? null,
    },
    /** Whether it can still be canceled (now or at the period's end). */
    live: LIVE_SUBSCRIPTION_STATUSES.includes(sub.status),
    customer: customer ? { id: customer.id, email: customer.email, name: customer.name, deleted: customer.deletedAt !== null } : null,
    paymentMethod: savedMethodSummary(method),
    amount: recurringAmount(sub.currency, items),
    items: items.map((v) => ({
      id: v.item.id,
      priceId: v.price.id,
      productName: products.get(v.price.productId)?.name ?? null,
      unitAmount: v.price.unitAmount,
      currency: v.price.currency,
      recurring: v.price.recurring,
      quantity: v.item.quantity,
    })),
    invoices: await invoiceSummaries(db, accountId, invoices),
    events,
  };
}

export type SubscriptionDetail = NonNullable<Awaited<ReturnType<typeof subscriptionDetail>>>;
