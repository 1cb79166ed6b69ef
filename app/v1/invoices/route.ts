// GET /v1/invoices — list invoices · POST /v1/invoices — refused: invoices come from subscriptions
import { apiRoute } from '@/lib/api/api-route';
import { invalidRequest } from '@/lib/api/errors';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import { listInvoicesSchema } from '@/lib/validation/invoices';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listInvoicesSchema, ctx.input);
  return expandObject(ctx, await listInvoices(ctx.db, ctx.scope, p), p.expand);
});

const onPost = withApi(() =>
  Promise.reject(invalidRequest('Creating invoices directly is not supported by Caisse: invoices are made by subscriptions.')),
);

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
