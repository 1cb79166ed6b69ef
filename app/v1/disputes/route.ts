// GET /v1/disputes — list disputes (opened by the processor after a payment; there is no creating them)
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listDisputes } from '@/lib/payments/disputes/dispute-reads';
import { listDisputesSchema } from '@/lib/validation/disputes';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listDisputesSchema, ctx.input);
  return expandObject(ctx, await listDisputes(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
