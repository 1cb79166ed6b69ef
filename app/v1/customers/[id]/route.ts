// GET /v1/customers/:id — retrieve (a deleted one as a stub) · POST — update · DELETE — delete a customer
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteCustomer, retrieveCustomer, updateCustomer } from '@/lib/customers/customers';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';
import { updateCustomerSchema } from '@/lib/validation/customers';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveCustomer(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateCustomerSchema, ctx.input);
  checkExpand('customer', p.expand);
  return expandObject(ctx, await updateCustomer(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteCustomer(ctx.db, { ...ctx.scope, id: ctx.params.id });
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost, DELETE: onDelete });
