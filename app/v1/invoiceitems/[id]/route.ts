// GET /v1/invoiceitems/:id — retrieve an invoice item
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveInvoiceItem } from '@/lib/billing/invoice-items/invoice-item-reads';
import { retrieveSchema } from '@/lib/validation/common';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveInvoiceItem(ctx.db, { accountId: ctx.accountId, id: ctx.params.id }), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
