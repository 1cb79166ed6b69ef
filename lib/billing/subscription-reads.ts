import type { Queryable } from '@/db/client';
import { pricesByIds, taxRatesByIds } from '@/db/queries/checkout-refs';
import { subscriptionItemsOf, type SubscriptionRow } from '@/db/queries/subscriptions';
import { serializeSubscription, type SubscriptionItemView } from '@/lib/api/serialize/subscription';

/** Each live item of the subscriptions with its price and tax rates, by subscription id. */
export async function itemViews(db: Queryable, accountId: string, subs: SubscriptionRow[]): Promise<Map<string, SubscriptionItemView[]>> {
  const items = await subscriptionItemsOf(db, { accountId, subscriptionIds: subs.map((s) => s.id) });
  const [prices, rates] = await Promise.all([
    pricesByIds(
      db,
      accountId,
      items.map((i) => i.priceId),
    ),
    taxRatesByIds(
      db,
      accountId,
      items.flatMap((i) => i.taxRateIds),
    ),
  ]);
  const views = new Map<string, SubscriptionItemView[]>(subs.map((s) => [s.id, []]));
  for (const item of items) {
    const price = prices.get(item.priceId);
    if (!price) throw new Error(`subscription item ${item.id} names a missing price ${item.priceId}`);
    views.get(item.subscriptionId)?.push({ item, price, taxRates: item.taxRateIds.flatMap((id) => rates.get(id) ?? []) });
  }
  return views;
}

/** The subscription as the API shows it, items and default tax rates included. */
export async function subscriptionObject(db: Queryable, sub: SubscriptionRow) {
  const [views, defaults] = await Promise.all([
    itemViews(db, sub.accountId, [sub]),
    taxRatesByIds(db, sub.accountId, sub.defaultTaxRateIds),
  ]);
  return serializeSubscription(
    sub,
    views.get(sub.id) ?? [],
    sub.defaultTaxRateIds.flatMap((id) => defaults.get(id) ?? []),
  );
}
