// GET /v1/test_helpers/test_clocks — list test clocks · POST — create one
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeTestClock } from '@/lib/api/serialize/test-clock';
import { withApi } from '@/lib/api/with-api';
import { createTestClock, listTestClocks } from '@/lib/billing/test-clocks/test-clocks';
import { createTestClockSchema, listTestClocksSchema } from '@/lib/validation/test-clocks';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createTestClockSchema, ctx.input);
  checkExpand('test_helpers.test_clock', p.expand);
  return expandObject(ctx, await createTestClock(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listTestClocksSchema, ctx.input);
  const { rows, hasMore } = await listTestClocks(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/test_helpers/test_clocks', rows.map(serializeTestClock), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
