import type { Db } from '@/db/client';
import { findSubscription } from '@/db/queries/subscriptions';
import type { AccountScope } from '@/db/scope';
import { lockSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import { present } from '@/lib/util/present';
import type { UpdateSubscriptionItemsParams } from '@/lib/validation/subscription-items';
import { subscriptionObject } from '../subscription-reads';
import { chargeChangeInvoice, changeSubscriptionItems } from './change-items';
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
  const changed = await db.transaction(async (tx) => {
    const sub = await lockSubscriptionOrThrow(tx, scope);
    if (!p.items) return { subscription: sub, invoice: null, itemIds: [], now };
    return changeSubscriptionItems(tx, sub, itemChangesFromParams(p.items), {
      prorationBehavior: p.proration_behavior,
      prorationDate: p.proration_date,
      now,
      request: scope.request,
    });
  });
  if (changed.invoice?.status !== 'open') return subscriptionObject(db, changed.subscription);
  await chargeChangeInvoice(db, changed);
  // The payment may have moved the subscription (past due after a decline): answer it as it is now.
  return subscriptionObject(db, present(await findSubscription(db, scope), `subscription ${scope.id}`));
}
