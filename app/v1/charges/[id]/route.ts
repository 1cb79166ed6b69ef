// GET /v1/charges/:id — retrieve a charge · POST /v1/charges/:id — update its description, metadata, receipt email or shipping
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveCharge } from '@/lib/payments/charge-reads';
import { updateCharge } from '@/lib/payments/update-charge';
import { updateChargeSchema } from '@/lib/validation/charges';
import { retrieveSchema } from '@/lib/validation/common';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveCharge(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateChargeSchema, ctx.input);
  checkExpand('charge', p.expand);
  return expandObject(ctx, await updateCharge(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
