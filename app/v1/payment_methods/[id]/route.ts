// GET /v1/payment_methods/:id — retrieve a payment method · POST — update it (billing details, expiry, allow_redisplay, metadata)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrievePaymentMethod } from '@/lib/payments/payment-method-reads';
import { updatePaymentMethod } from '@/lib/payments/payment-methods/manage-payment-methods';
import { retrieveSchema } from '@/lib/validation/common';
import { updatePaymentMethodSchema } from '@/lib/validation/payment-methods';

const onGet = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrievePaymentMethod(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(updatePaymentMethodSchema, ctx.input);
  checkExpand('payment_method', p.expand);
  return expandObject(ctx, await updatePaymentMethod(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
