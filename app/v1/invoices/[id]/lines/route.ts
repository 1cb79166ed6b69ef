// GET /v1/invoices/:id/lines — list an invoice's lines
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listInvoiceLines } from '@/lib/billing/invoices/list-invoices';
import { listInvoiceLinesSchema } from '@/lib/validation/invoices';

const onGet = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(listInvoiceLinesSchema, ctx.input);
  return expandObject(ctx, await listInvoiceLines(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
