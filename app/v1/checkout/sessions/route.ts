// GET /v1/checkout/sessions — list sessions · POST /v1/checkout/sessions — create a session
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createSessionRow } from '@/lib/checkout/create-session';
import { listSessions, sessionObject } from '@/lib/checkout/session-reads';
import { createCheckoutSessionSchema, listCheckoutSessionsSchema } from '@/lib/validation/checkout-sessions';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createCheckoutSessionSchema, ctx.input);
  checkExpand('checkout.session', p.expand);
  const row = await createSessionRow(ctx.db, ctx.scope, p);
  return expandObject(ctx, sessionObject(row, row.checkoutOrigin), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listCheckoutSessionsSchema, ctx.input);
  return expandObject(ctx, await listSessions(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
