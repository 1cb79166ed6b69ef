// POST /v1/invoices/create_preview — the upcoming invoice of a subscription, with the prorations of a change of its items
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { previewInvoice } from '@/lib/billing/invoices/preview-invoice';
import { previewInvoiceSchema } from '@/lib/validation/invoice-preview';

const onPost = withApi(async (ctx) => {
  const p = parseParams(previewInvoiceSchema, ctx.input);
  checkExpand('invoice', p.expand);
  return expandObject(ctx, await previewInvoice(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
