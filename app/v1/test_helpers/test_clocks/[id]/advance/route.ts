// POST /v1/test_helpers/test_clocks/:id/advance — move the clock forward; billing due in between runs in order
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { advanceTestClock } from '@/lib/billing/test-clocks/test-clocks';
import { advanceTestClockSchema } from '@/lib/validation/test-clocks';

type Params = { id: string };

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(advanceTestClockSchema, ctx.input);
  checkExpand('test_helpers.test_clock', p.expand);
  return expandObject(ctx, await advanceTestClock(ctx.db, { ...ctx.scope, id: ctx.params.id }, p.frozen_time), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
