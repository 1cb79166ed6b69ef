// POST /v1/webhook_endpoints/:id/roll_secret — a Caisse extension (Stripe has no public API for it): issues a new
// signing secret, returned once as `secret`; the old one keeps signing alongside it for `expires_in` seconds (default 86400, ≤ 7 days).
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { rollWebhookSecret } from '@/lib/events/webhook-endpoints';
import { rollWebhookSecretSchema } from '@/lib/validation/webhook-endpoints';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(rollWebhookSecretSchema, ctx.input);
  checkExpand('webhook_endpoint', p.expand);
  return expandObject(ctx, await rollWebhookSecret(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
