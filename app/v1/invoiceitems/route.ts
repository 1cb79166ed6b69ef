// GET /v1/invoiceitems — list invoice items (pending ones: the prorations waiting for the next invoice)
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listInvoiceItems } from '@/lib/billing/invoice-items/invoice-item-reads';
import { listInvoiceItemsSchema } from '@/lib/validation/invoice-items';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listInvoiceItemsSchema, ctx.input);
  return expandObject(ctx, await listInvoiceItems(ctx.db, ctx.accountId, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
