// GET /v1/webhook_endpoints/:id — retrieve · POST — update (disabled=true|false) · DELETE — delete an endpoint
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteWebhookEndpoint, retrieveWebhookEndpoint, updateWebhookEndpoint } from '@/lib/events/webhook-endpoints';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';
import { updateWebhookEndpointSchema } from '@/lib/validation/webhook-endpoints';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveWebhookEndpoint(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateWebhookEndpointSchema, ctx.input);
  checkExpand('webhook_endpoint', p.expand);
  return expandObject(ctx, await updateWebhookEndpoint(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteWebhookEndpoint(ctx.db, { ...ctx.scope, id: ctx.params.id });
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost, DELETE: onDelete });
