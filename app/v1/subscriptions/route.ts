// GET /v1/subscriptions — list subscriptions · POST /v1/subscriptions — refused: subscriptions start from Checkout Sessions
import { apiRoute } from '@/lib/api/api-route';
import { invalidRequest } from '@/lib/api/errors';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listSubscriptions } from '@/lib/billing/subscriptions/list-subscriptions';
import { listSubscriptionsSchema } from '@/lib/validation/subscriptions';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listSubscriptionsSchema, ctx.input);
  return expandObject(ctx, await listSubscriptions(ctx.db, ctx.scope, p), p.expand);
});

const onPost = withApi(() =>
  Promise.reject(
    invalidRequest('Creating subscriptions directly is not supported by Caisse: create a Checkout Session in subscription mode.'),
  ),
);

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
