import 'server-only';
import type { Queryable } from '@/db/client';
import { customerNamesOf } from '@/db/queries/dashboard-billing';
import type { SubscriptionRow } from '@/db/queries/subscriptions';
import type { SubscriptionItemView } from '@/lib/api/serialize/subscription';
import { itemViews } from '@/lib/billing/subscription-reads';

/** Who an invoice or a subscription is for, as the dashboard names them. */
export type CustomerName = { id: string; email: string | null; name: string | null };

/** What a subscription bills each period, before discounts and taxes: its items' unit amounts times their quantities. */
export type RecurringAmount = { amount: number; currency: string; interval: string; intervalCount: number };

/** One row of a subscriptions table: only what the dashboard lists. */
export type SubscriptionSummary = {
  id: string;
  created: Date;
  status: SubscriptionRow['status'];
  customerId: string;
  customer: CustomerName | null;
  amount: RecurringAmount | null;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};

/** The amount per period of a subscription's items (all of one interval, as Stripe requires); null with no item. */
export function recurringAmount(currency: string, items: SubscriptionItemView[]): RecurringAmount | null {
  const recurring = items.at(0)?.price.recurring;
  if (!recurring) return null;
  const amount = items.reduce((sum, v) => sum + (v.price.unitAmount ?? 0) * v.item.quantity, 0);
  return { amount, currency, interval: recurring.interval, intervalCount: recurring.interval_count };
}

/** A page of subscriptions as table rows: their items' amounts and their customers read in two queries. */
export async function subscriptionSummaries(db: Queryable, accountId: string, rows: SubscriptionRow[]): Promise<SubscriptionSummary[]> {
  const [views, names] = await Promise.all([
    itemViews(db, accountId, rows),
    customerNamesOf(db, { accountId, ids: rows.map((s) => s.customerId) }),
  ]);
  return rows.map((s) => ({
    id: s.id,
    created: s.createdAt,
    status: s.status,
    customerId: s.customerId,
    customer: names.get(s.customerId) ?? null,
    amount: recurringAmount(s.currency, views.get(s.id) ?? []),
    currentPeriodEnd: s.currentPeriodEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
  }));
}
