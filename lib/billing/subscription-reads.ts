import type { Queryable } from '@/db/client';
import { pricesByIds, taxRatesByIds } from '@/db/queries/checkout-refs';
import { findSubscription, subscriptionItemsOf, type SubscriptionRow } from '@/db/queries/subscriptions';
import type { AccountScope } from '@/db/scope';
import { getSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import { serializeSubscription, type SubscriptionItemView } from '@/lib/api/serialize/subscription';
import { present } from '@/lib/util/present';

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

/** Subscriptions as the API shows them, items and default tax rates included, read together. */
export async function subscriptionObjects(db: Queryable, accountId: string, subs: SubscriptionRow[]) {
  const [views, rates] = await Promise.all([
    itemViews(db, accountId, subs),
    taxRatesByIds(
      db,
      accountId,
      subs.flatMap((s) => s.defaultTaxRateIds),
    ),
  ]);
  return subs.map((sub) =>
    serializeSubscription(
      sub,
      views.get(sub.id) ?? [],
      sub.defaultTaxRateIds.flatMap((id) => rates.get(id) ?? []),
    ),
  );
}

/** The subscription as the API shows it, items and default tax rates included. */
export async function subscriptionObject(db: Queryable, sub: SubscriptionRow) {
  return present((await subscriptionObjects(db, sub.accountId, [sub])).at(0), 'the serialized subscription');
}

/** GET /v1/subscriptions/:id. */
export async function retrieveSubscription(db: Queryable, scope: AccountScope & { id: string }) {
  return subscriptionObject(db, await getSubscriptionOrThrow(db, scope));
}

/** The serialized subscription, or null: for expansions, where a missing object leaves the id as it was. */
export async function loadSubscription(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findSubscription(db, scope);
  return row ? subscriptionObject(db, row) : null;
}
