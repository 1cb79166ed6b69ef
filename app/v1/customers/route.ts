// GET /v1/customers — list customers · POST /v1/customers — create a customer
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeCustomer } from '@/lib/api/serialize/customer';
import { withApi } from '@/lib/api/with-api';
import { createCustomer, listCustomers } from '@/lib/customers/customers';
import { createCustomerSchema, listCustomersSchema } from '@/lib/validation/customers';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createCustomerSchema, ctx.input);
  checkExpand('customer', p.expand);
  return expandObject(ctx, await createCustomer(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listCustomersSchema, ctx.input);
  const { rows, hasMore } = await listCustomers(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/customers', rows.map(serializeCustomer), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
