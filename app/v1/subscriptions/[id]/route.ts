// GET /v1/subscriptions/:id — retrieve a subscription · POST — update it · DELETE — cancel it now
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { cancelSubscriptionById } from '@/lib/billing/subscriptions/cancel-subscription';
import { modifySubscription } from '@/lib/billing/subscriptions/modify-subscription';
import { retrieveSubscription } from '@/lib/billing/subscription-reads';
import { retrieveSchema } from '@/lib/validation/common';
import { cancelSubscriptionSchema, updateSubscriptionSchema } from '@/lib/validation/subscriptions';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveSubscription(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateSubscriptionSchema, ctx.input);
  checkExpand('subscription', p.expand);
  return expandObject(ctx, await modifySubscription(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => {
  const p = parseParams(cancelSubscriptionSchema, ctx.input);
  checkExpand('subscription', p.expand);
  return expandObject(ctx, await cancelSubscriptionById(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost, DELETE: onDelete });
