// POST /v1/invoices/:id/finalize — finalize a draft invoice
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { finalizeInvoiceById } from '@/lib/billing/invoices/finalize-invoice';
import { finalizeInvoiceSchema } from '@/lib/validation/invoices';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(finalizeInvoiceSchema, ctx.input);
  checkExpand('invoice', p.expand);
  return expandObject(ctx, await finalizeInvoiceById(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
