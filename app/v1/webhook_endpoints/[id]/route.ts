// GET /v1/webhook_endpoints/:id — retrieve · POST — update (disabled=true|false) · DELETE — delete an endpoint
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteWebhookEndpoint, retrieveWebhookEndpoint, updateWebhookEndpoint } from '@/lib/events/webhook-endpoints';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';
import { updateWebhookEndpointSchema } from '@/lib/validation/webhook-endpoints';

type Params = { id: string };

export const GET = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveWebhookEndpoint(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const POST = withApi<Params>(async (ctx) => {
  const p = parseParams(updateWebhookEndpointSchema, ctx.input);
  checkExpand('webhook_endpoint', p.expand);
  return expandObject(ctx, await updateWebhookEndpoint(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const DELETE = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteWebhookEndpoint(ctx.db, { ...ctx.scope, id: ctx.params.id });
});
