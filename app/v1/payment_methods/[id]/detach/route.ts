// POST /v1/payment_methods/:id/detach — remove a payment method from its customer, for good
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { detachPaymentMethod } from '@/lib/payments/payment-methods/manage-payment-methods';
import { detachPaymentMethodSchema } from '@/lib/validation/payment-methods';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(detachPaymentMethodSchema, ctx.input);
  checkExpand('payment_method', p.expand);
  return expandObject(ctx, await detachPaymentMethod(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
