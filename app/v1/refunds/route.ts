// GET /v1/refunds — list refunds · POST /v1/refunds — refund a charge or a payment intent
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createRefund } from '@/lib/payments/refunds/create-refund';
import { listRefunds } from '@/lib/payments/refunds/list-refunds';
import { createRefundSchema, listRefundsSchema } from '@/lib/validation/refunds';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createRefundSchema, ctx.input);
  checkExpand('refund', p.expand);
  return expandObject(ctx, await createRefund(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listRefundsSchema, ctx.input);
  return expandObject(ctx, await listRefunds(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
