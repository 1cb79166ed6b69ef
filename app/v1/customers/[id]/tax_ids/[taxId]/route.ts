// GET /v1/customers/:id/tax_ids/:tax_id — retrieve a customer tax ID · DELETE — delete it
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteCustomerTaxId, retrieveCustomerTaxId } from '@/lib/customers/customer-tax-ids';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';

type Params = { id: string; taxId: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  const scope = { ...ctx.scope, customerId: ctx.params.id, id: ctx.params.taxId };
  return expandObject(ctx, await retrieveCustomerTaxId(ctx.db, scope), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteCustomerTaxId(ctx.db, { ...ctx.scope, customerId: ctx.params.id, id: ctx.params.taxId });
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, DELETE: onDelete });
