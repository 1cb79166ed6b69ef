// POST /v1/invoices/:id/pay — charge an invoice now with a saved card, or mark it paid out of band
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { payInvoiceById } from '@/lib/billing/invoices/pay-invoice-by-id';
import { payInvoiceSchema } from '@/lib/validation/invoices';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(payInvoiceSchema, ctx.input);
  checkExpand('invoice', p.expand);
  return expandObject(ctx, await payInvoiceById(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
