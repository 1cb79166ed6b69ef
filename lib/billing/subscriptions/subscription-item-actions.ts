import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '@/db/client';
import { findLiveSubscriptionItem } from '@/db/queries/subscription-items';
import { findSubscription, type SubscriptionRow } from '@/db/queries/subscriptions';
import { subscriptionItems } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { missingParam, noSuchObject } from '@/lib/api/errors';
import { lockSubscriptionOrThrow } from '@/lib/api/get-or-throw';
import { listObject, listPage } from '@/lib/api/list';
import { serializeSubscriptionItem } from '@/lib/api/serialize/subscription';
import { present } from '@/lib/util/present';
import type {
  CreateSubscriptionItemParams,
  DeleteSubscriptionItemParams,
  ListSubscriptionItemsParams,
  UpdateSubscriptionItemParams,
} from '@/lib/validation/subscription-items';
import { itemViews } from '../subscription-reads';
import { chargeChangeInvoice, changeSubscriptionItems } from './change-items';
import { refuseClearUsage } from './change-params';

type ItemScope = AccountScope & { id: string };

async function itemObjects(db: Queryable, sub: SubscriptionRow, ids: string[]) {
  const views = (await itemViews(db, sub.accountId, [sub])).get(sub.id) ?? [];
  return ids.map((id) =>
    serializeSubscriptionItem(
      sub,
      present(
        views.find((v) => v.item.id === id),
        `subscription item ${id}`,
      ),
    ),
  );
}

/** The item's subscription under its lock, and the item as it is once the lock is held (404 once deleted). */
async function lockItem(tx: Tx, scope: ItemScope): Promise<SubscriptionRow> {
  const item = await findLiveSubscriptionItem(tx, scope);
  if (!item) throw noSuchObject('subscription item', scope.id);
  const sub = await lockSubscriptionOrThrow(tx, { accountId: scope.accountId, id: item.subscriptionId });
  if (!(await findLiveSubscriptionItem(tx, scope))) throw noSuchObject('subscription item', scope.id);
  return sub;
}

/** POST /v1/subscription_items: a new item on the subscription, its remaining time prorated. */
export async function createSubscriptionItem(db: Db, scope: AccountScope, p: CreateSubscriptionItemParams, now = new Date()) {
  const { changed, object } = await db.transaction(async (tx) => {
    const sub = await lockSubscriptionOrThrow(tx, { accountId: scope.accountId, id: p.subscription, param: 'subscription', status: 400 });
    if (!p.price) throw missingParam('price');
    const change = { action: 'add' as const, param: '', price: p.price, quantity: p.quantity, taxRates: p.tax_rates, metadata: p.metadata };
    const changed = await changeSubscriptionItems(tx, sub, [change], {
      prorationBehavior: p.proration_behavior,
      prorationDate: p.proration_date,
      now,
      request: scope.request,
    });
    const [object] = await itemObjects(tx, changed.subscription, [present(changed.itemIds.at(-1), 'the new item')]);
    return { changed, object };
  });
  await chargeChangeInvoice(db, changed);
  return object;
}

/** POST /v1/subscription_items/{id}: a new price or quantity (prorated), tax rates or metadata. */
export async function updateSubscriptionItem(db: Db, scope: ItemScope, p: UpdateSubscriptionItemParams, now = new Date()) {
  return db.transaction(async (tx) => {
    const sub = await lockItem(tx, scope);
    const change = {
      action: 'update' as const,
      param: '',
      id: scope.id,
      price: p.price,
      quantity: p.quantity,
      taxRates: p.tax_rates,
      metadata: p.metadata,
    };
    const { subscription } = await changeSubscriptionItems(tx, sub, [change], {
      prorationBehavior: p.proration_behavior,
      prorationDate: p.proration_date,
      now,
      request: scope.request,
    });
    const [object] = await itemObjects(tx, subscription, [scope.id]);
    return object;
  });
}

/** DELETE /v1/subscription_items/{id}: the item leaves the subscription, its unused time credited. */
export async function deleteSubscriptionItem(db: Db, scope: ItemScope, p: DeleteSubscriptionItemParams, now = new Date()) {
  refuseClearUsage(p.clear_usage, 'clear_usage');
  const changed = await db.transaction(async (tx) =>
    changeSubscriptionItems(tx, await lockItem(tx, scope), [{ action: 'delete', param: '', id: scope.id }], {
      prorationBehavior: p.proration_behavior,
      prorationDate: p.proration_date,
      now,
      request: scope.request,
    }),
  );
  await chargeChangeInvoice(db, changed);
  return { id: scope.id, object: 'subscription_item' as const, deleted: true as const };
}

export async function retrieveSubscriptionItem(db: Queryable, scope: ItemScope) {
  const item = await findLiveSubscriptionItem(db, scope);
  const sub = item && (await findSubscription(db, { accountId: scope.accountId, id: item.subscriptionId }));
  if (!sub) throw noSuchObject('subscription item', scope.id);
  const [object] = await itemObjects(db, sub, [scope.id]);
  return object;
}

/** GET /v1/subscription_items?subscription=…: the subscription's live items, newest first. */
export async function listSubscriptionItems(db: Queryable, scope: AccountScope, p: ListSubscriptionItemsParams) {
  const sub = await findSubscription(db, { accountId: scope.accountId, id: p.subscription });
  if (!sub) throw noSuchObject('subscription', p.subscription, 'subscription');
  const { rows, hasMore } = await listPage(db, subscriptionItems, {
    accountId: scope.accountId,
    kind: 'subscription_item',
    params: p,
    filters: [and(eq(subscriptionItems.subscriptionId, sub.id), isNull(subscriptionItems.deletedAt))],
  });
  return listObject(
    '/v1/subscription_items',
    await itemObjects(
      db,
      sub,
      rows.map((r) => r.id),
    ),
    hasMore,
  );
}
