// POST /v1/invoices/:id/void — void an open or uncollectible invoice
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { voidInvoiceById } from '@/lib/billing/invoices/void-invoice';
import { retrieveSchema } from '@/lib/validation/common';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  checkExpand('invoice', p.expand);
  return expandObject(ctx, await voidInvoiceById(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
