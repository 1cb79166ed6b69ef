import type { Db } from '@/db/client';
import type { AccountScope } from '@/db/scope';
import { lockSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import type { UpdateSubscriptionItemsParams } from '@/lib/validation/subscription-items';
import { subscriptionObject } from '../subscription-reads';
import { changeSubscriptionItems } from './change-items';
import { itemChangesFromParams } from './change-params';

/**
 * `POST /v1/subscriptions/{id}` with `items[]` (and `proration_behavior`, `proration_date`): the items
 * change under the subscription's lock, prorated. The rest of a subscription update is not handled here.
 */
export async function updateSubscriptionItems(
  db: Db,
  scope: AccountScope & { id: string },
  p: UpdateSubscriptionItemsParams,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const sub = await lockSubscriptionOrThrow(tx, scope);
    if (!p.items) return subscriptionObject(tx, sub);
    const { subscription } = await changeSubscriptionItems(tx, sub, itemChangesFromParams(p.items), {
      prorationBehavior: p.proration_behavior,
      prorationDate: p.proration_date,
      now,
      request: scope.request,
    });
    return subscriptionObject(tx, subscription);
  });
}
