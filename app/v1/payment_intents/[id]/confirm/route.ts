// POST /v1/payment_intents/:id/confirm — charge an API-made intent's card, on-session or off-session
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { confirmPaymentIntent } from '@/lib/payments/intents/confirm-payment-intent';
import { confirmPaymentIntentSchema } from '@/lib/validation/payment-intents';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(confirmPaymentIntentSchema, ctx.input);
  checkExpand('payment_intent', p.expand);
  return expandObject(ctx, await confirmPaymentIntent(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
