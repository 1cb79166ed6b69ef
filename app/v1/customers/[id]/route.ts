// GET /v1/customers/:id — retrieve (a deleted one as a stub) · POST — update · DELETE — delete a customer
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteCustomer, retrieveCustomer, updateCustomer } from '@/lib/customers/customers';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';
import { updateCustomerSchema } from '@/lib/validation/customers';

type Params = { id: string };

export const GET = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveCustomer(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const POST = withApi<Params>(async (ctx) => {
  const p = parseParams(updateCustomerSchema, ctx.input);
  checkExpand('customer', p.expand);
  return expandObject(ctx, await updateCustomer(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const DELETE = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteCustomer(ctx.db, { ...ctx.scope, id: ctx.params.id });
});
