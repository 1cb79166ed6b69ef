// GET /v1/customers/:id/payment_methods — list a customer's payment methods
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listCustomerPaymentMethods } from '@/lib/payments/payment-method-reads';
import { listCustomerPaymentMethodsSchema } from '@/lib/validation/payment-methods';

const onGet = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(listCustomerPaymentMethodsSchema, ctx.input);
  return expandObject(ctx, await listCustomerPaymentMethods(ctx.db, { ...ctx.scope, customerId: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
