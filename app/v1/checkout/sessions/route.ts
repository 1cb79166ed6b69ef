// GET /v1/checkout/sessions — list sessions · POST /v1/checkout/sessions — create a session
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createSessionRow } from '@/lib/checkout/create-session';
import { listSessions, sessionObject } from '@/lib/checkout/session-reads';
import { createCheckoutSessionSchema, listCheckoutSessionsSchema } from '@/lib/validation/checkout-sessions';

export const POST = withApi(async (ctx) => {
  const p = parseParams(createCheckoutSessionSchema, ctx.input);
  checkExpand('checkout.session', p.expand);
  const row = await createSessionRow(ctx.db, ctx.scope, p);
  return expandObject(ctx, sessionObject(row, row.checkoutOrigin), p.expand);
});

export const GET = withApi(async (ctx) => {
  const p = parseParams(listCheckoutSessionsSchema, ctx.input);
  return expandObject(ctx, await listSessions(ctx.db, ctx.scope, p), p.expand);
});
