// GET /v1/subscription_items/:id — retrieve · POST — update (prorated) · DELETE — remove from its subscription (prorated)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import {
  deleteSubscriptionItem,
  retrieveSubscriptionItem,
  updateSubscriptionItem,
} from '@/lib/billing/subscriptions/subscription-item-actions';
import { retrieveSchema } from '@/lib/validation/common';
import { deleteSubscriptionItemSchema, updateSubscriptionItemSchema } from '@/lib/validation/subscription-items';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveSubscriptionItem(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateSubscriptionItemSchema, ctx.input);
  checkExpand('subscription_item', p.expand);
  return expandObject(ctx, await updateSubscriptionItem(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => {
  const p = parseParams(deleteSubscriptionItemSchema, ctx.input);
  return deleteSubscriptionItem(ctx.db, { ...ctx.scope, id: ctx.params.id }, p);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost, DELETE: onDelete });
