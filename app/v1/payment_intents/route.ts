// GET /v1/payment_intents — list payment intents (created by checkout; creating them directly is not supported)
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { invalidRequest } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listPaymentIntents } from '@/lib/payments/payment-intent-reads';
import { listPaymentIntentsSchema } from '@/lib/validation/payment-intents';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listPaymentIntentsSchema, ctx.input);
  return expandObject(ctx, await listPaymentIntents(ctx.db, ctx.scope, p), p.expand);
});

const onPost = withApi(() =>
  Promise.reject(invalidRequest('Creating payment intents directly is not supported by Caisse: create a Checkout Session.')),
);

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
