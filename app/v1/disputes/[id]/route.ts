// GET /v1/disputes/:id — retrieve · POST — update a dispute (evidence, metadata, submit)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveDispute } from '@/lib/payments/disputes/dispute-reads';
import { updateDispute } from '@/lib/payments/disputes/update-dispute';
import { retrieveSchema } from '@/lib/validation/common';
import { updateDisputeSchema } from '@/lib/validation/disputes';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveDispute(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateDisputeSchema, ctx.input);
  checkExpand('dispute', p.expand);
  return expandObject(ctx, await updateDispute(ctx.db, ctx.scope, ctx.params.id, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
