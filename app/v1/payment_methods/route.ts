// GET /v1/payment_methods — list payment methods (the account's, or one customer's) · POST — refused: they come from Checkout
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { invalidRequest } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listPaymentMethods } from '@/lib/payments/payment-method-reads';
import { listPaymentMethodsSchema } from '@/lib/validation/payment-methods';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listPaymentMethodsSchema, ctx.input);
  return expandObject(ctx, await listPaymentMethods(ctx.db, ctx.scope, p), p.expand);
});

const onPost = withApi(() =>
  Promise.reject(
    invalidRequest('Creating payment methods directly is not supported by Caisse: customers give them on a Checkout Session.'),
  ),
);

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
