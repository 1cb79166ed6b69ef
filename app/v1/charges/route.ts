// GET /v1/charges — list charges · POST /v1/charges — refused: charges come from Checkout Sessions only
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { invalidRequest } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listCharges } from '@/lib/payments/charge-reads';
import { listChargesSchema } from '@/lib/validation/charges';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listChargesSchema, ctx.input);
  return expandObject(ctx, await listCharges(ctx.db, ctx.scope, p), p.expand);
});

const onPost = withApi(() =>
  Promise.reject(invalidRequest('Creating charges directly is not supported by Caisse: create a Checkout Session.')),
);

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
