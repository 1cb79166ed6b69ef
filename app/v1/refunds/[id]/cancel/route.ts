// POST /v1/refunds/:id/cancel — cancel a refund waiting on the customer (requires_action)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { cancelRefund } from '@/lib/payments/refunds/cancel-refund';
import { retrieveSchema } from '@/lib/validation/common';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  checkExpand('refund', p.expand);
  return expandObject(ctx, await cancelRefund(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
