// POST /v1/payment_methods/:id/attach — save a payment method (or one of Stripe's pm_card_* test methods) to a customer
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { attachPaymentMethod } from '@/lib/payments/payment-methods/manage-payment-methods';
import { attachPaymentMethodSchema } from '@/lib/validation/payment-methods';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(attachPaymentMethodSchema, ctx.input);
  checkExpand('payment_method', p.expand);
  return expandObject(ctx, await attachPaymentMethod(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
