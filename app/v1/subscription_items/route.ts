// GET /v1/subscription_items — list a subscription's items · POST /v1/subscription_items — add an item to a subscription
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createSubscriptionItem, listSubscriptionItems } from '@/lib/billing/subscriptions/subscription-item-actions';
import { createSubscriptionItemSchema, listSubscriptionItemsSchema } from '@/lib/validation/subscription-items';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createSubscriptionItemSchema, ctx.input);
  checkExpand('subscription_item', p.expand);
  return expandObject(ctx, await createSubscriptionItem(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listSubscriptionItemsSchema, ctx.input);
  return expandObject(ctx, await listSubscriptionItems(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
