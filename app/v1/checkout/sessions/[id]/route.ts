// GET /v1/checkout/sessions/:id — retrieve · POST — update metadata, line items, shipping options
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveSession } from '@/lib/checkout/session-reads';
import { updateSession } from '@/lib/checkout/update-session';
import { updateCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { retrieveSchema } from '@/lib/validation/common';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveSession(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateCheckoutSessionSchema, ctx.input);
  checkExpand('checkout.session', p.expand);
  return expandObject(ctx, await updateSession(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

// Stripe has no delete for this object.

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
