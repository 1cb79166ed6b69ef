// GET /v1/payment_intents — list payment intents · POST — create one (and confirm it with confirm=true), usually with a saved card
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createPaymentIntent } from '@/lib/payments/intents/create-payment-intent';
import { listPaymentIntents } from '@/lib/payments/payment-intent-reads';
import { createPaymentIntentSchema, listPaymentIntentsSchema } from '@/lib/validation/payment-intents';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listPaymentIntentsSchema, ctx.input);
  return expandObject(ctx, await listPaymentIntents(ctx.db, ctx.scope, p), p.expand);
});

const onPost = withApi(async (ctx) => {
  const p = parseParams(createPaymentIntentSchema, ctx.input);
  checkExpand('payment_intent', p.expand);
  return expandObject(ctx, await createPaymentIntent(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
