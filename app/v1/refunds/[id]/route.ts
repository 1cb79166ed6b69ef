// GET /v1/refunds/:id — retrieve a refund · POST /v1/refunds/:id — update its metadata
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveRefund } from '@/lib/payments/refunds/retrieve-refund';
import { updateRefund } from '@/lib/payments/refunds/update-refund';
import { retrieveSchema } from '@/lib/validation/common';
import { updateRefundSchema } from '@/lib/validation/refunds';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveRefund(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateRefundSchema, ctx.input);
  checkExpand('refund', p.expand);
  return expandObject(ctx, await updateRefund(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
