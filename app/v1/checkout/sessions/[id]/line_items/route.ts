// GET /v1/checkout/sessions/:id/line_items — a session's line items
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listSessionLineItems } from '@/lib/checkout/session-reads';
import { listLineItemsSchema } from '@/lib/validation/checkout-sessions';

const onGet = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(listLineItemsSchema, ctx.input);
  return expandObject(ctx, await listSessionLineItems(ctx.db, { accountId: ctx.accountId, sessionId: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
