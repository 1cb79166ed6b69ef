// GET /v1/test_helpers/test_clocks/:id — retrieve · DELETE — delete the clock and what lives on it
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteTestClock, retrieveTestClock } from '@/lib/billing/test-clocks/test-clocks';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveTestClock(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteTestClock(ctx.db, { ...ctx.scope, id: ctx.params.id });
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, DELETE: onDelete });
