// GET /v1/setup_intents — list setup intents (made by Checkout's setup mode) · POST — refused: Checkout creates them
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { invalidRequest } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listSetupIntents } from '@/lib/payments/setup-intent-reads';
import { listSetupIntentsSchema } from '@/lib/validation/setup-intents';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listSetupIntentsSchema, ctx.input);
  return expandObject(ctx, await listSetupIntents(ctx.db, ctx.scope, p), p.expand);
});

const onPost = withApi(() =>
  Promise.reject(invalidRequest('Creating setup intents directly is not supported by Caisse: create a Checkout Session with mode=setup.')),
);

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
