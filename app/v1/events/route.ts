// GET /v1/events — list the account's events, newest first
import { apiRoute } from '@/lib/api/api-route';
import { expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { listEvents } from '@/lib/events/events';
import { listEventsSchema } from '@/lib/validation/events';

const onGet = withApi(async (ctx) => {
  const p = parseParams(listEventsSchema, ctx.input);
  const { data, hasMore } = await listEvents(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/events', data, hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet });
