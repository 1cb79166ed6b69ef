// POST /v1/payment_intents/:id/cancel — cancel an authorized payment waiting for capture (others: expire the Checkout Session)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { cancelPaymentIntent } from '@/lib/payments/authorizations/cancel-payment-intent';
import { cancelPaymentIntentSchema } from '@/lib/validation/payment-intents';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(cancelPaymentIntentSchema, ctx.input);
  checkExpand('payment_intent', p.expand);
  return expandObject(ctx, await cancelPaymentIntent(ctx.db, ctx.scope, ctx.params.id, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
