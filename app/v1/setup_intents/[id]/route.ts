// GET /v1/setup_intents/:id — retrieve a setup intent
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveSetupIntent } from '@/lib/payments/setup-intent-reads';
import { retrieveSchema } from '@/lib/validation/common';

const onGet = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveSetupIntent(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
