// POST /v1/checkout/sessions/:id/expire — expire an open session
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { expireSession } from '@/lib/checkout/expire-session';
import { retrieveSchema } from '@/lib/validation/common';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  checkExpand('checkout.session', p.expand);
  return expandObject(ctx, await expireSession(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
