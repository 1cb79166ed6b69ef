// GET /v1/customers/:id/tax_ids — list a customer's tax IDs · POST — create a customer tax ID
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createCustomerTaxId, listCustomerTaxIds } from '@/lib/customers/customer-tax-ids';
import { createCustomerTaxIdSchema, listCustomerTaxIdsSchema } from '@/lib/validation/customer-tax-ids';

type Params = { id: string };

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(createCustomerTaxIdSchema, ctx.input);
  checkExpand('tax_id', p.expand);
  const taxId = await createCustomerTaxId(ctx.db, { ...ctx.scope, customerId: ctx.params.id }, { type: p.type, value: p.value });
  return expandObject(ctx, taxId, p.expand);
});

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(listCustomerTaxIdsSchema, ctx.input);
  return expandObject(ctx, await listCustomerTaxIds(ctx.db, { ...ctx.scope, customerId: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
