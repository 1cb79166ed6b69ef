// POST /v1/disputes/:id/close — close a dispute: accept it as lost
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { closeDispute } from '@/lib/payments/disputes/close-dispute';
import { retrieveSchema } from '@/lib/validation/common';

const onPost = withApi<{ id: string }>(async (ctx) => {
  // Stripe's close takes only `expand`, as a retrieve does.
  const p = parseParams(retrieveSchema, ctx.input);
  checkExpand('dispute', p.expand);
  return expandObject(ctx, await closeDispute(ctx.db, ctx.scope, ctx.params.id), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
