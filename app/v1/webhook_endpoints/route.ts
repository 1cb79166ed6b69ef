// GET /v1/webhook_endpoints — list endpoints · POST /v1/webhook_endpoints — create one (its secret is shown only here)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeWebhookEndpoint } from '@/lib/api/serialize/webhook-endpoint';
import { withApi } from '@/lib/api/with-api';
import { createWebhookEndpoint, listWebhookEndpoints } from '@/lib/events/webhook-endpoints';
import { createWebhookEndpointSchema, listWebhookEndpointsSchema } from '@/lib/validation/webhook-endpoints';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createWebhookEndpointSchema, ctx.input);
  checkExpand('webhook_endpoint', p.expand);
  return expandObject(ctx, await createWebhookEndpoint(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listWebhookEndpointsSchema, ctx.input);
  const { rows, hasMore } = await listWebhookEndpoints(ctx.db, ctx.scope, p);
  return expandObject(
    ctx,
    listObject(
      '/v1/webhook_endpoints',
      rows.map((r) => serializeWebhookEndpoint(r)),
      hasMore,
    ),
    p.expand,
  );
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
