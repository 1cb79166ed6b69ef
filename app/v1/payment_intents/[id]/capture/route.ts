// POST /v1/payment_intents/:id/capture — capture an authorized payment, in full or for less
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { capturePaymentIntent } from '@/lib/payments/authorizations/capture-payment-intent';
import { capturePaymentIntentSchema } from '@/lib/validation/payment-intents';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(capturePaymentIntentSchema, ctx.input);
  checkExpand('payment_intent', p.expand);
  return expandObject(ctx, await capturePaymentIntent(ctx.db, ctx.scope, ctx.params.id, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
