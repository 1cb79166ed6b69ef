// GET /v1/invoices/:id — retrieve an invoice · POST — update its metadata, description or auto_advance
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveInvoice } from '@/lib/billing/invoices/invoice-reads';
import { updateInvoice } from '@/lib/billing/invoices/update-invoice';
import { retrieveSchema } from '@/lib/validation/common';
import { updateInvoiceSchema } from '@/lib/validation/invoices';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveInvoice(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateInvoiceSchema, ctx.input);
  checkExpand('invoice', p.expand);
  return expandObject(ctx, await updateInvoice(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
