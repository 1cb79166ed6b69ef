// GET /v1/customers/:id/payment_methods/:payment_method — retrieve one of a customer's payment methods
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveCustomerPaymentMethod } from '@/lib/payments/payment-method-reads';
import { retrieveSchema } from '@/lib/validation/common';

const onGet = withApi<{ id: string; paymentMethod: string }>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  const scope = { ...ctx.scope, customerId: ctx.params.id, id: ctx.params.paymentMethod };
  return expandObject(ctx, await retrieveCustomerPaymentMethod(ctx.db, scope), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
