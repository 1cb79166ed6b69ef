// POST /v1/subscriptions/:id/resume — resume a paused subscription
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { resumeSubscriptionById } from '@/lib/billing/subscriptions/resume-subscription';
import { resumeSubscriptionSchema } from '@/lib/validation/subscriptions';

const onPost = withApi<{ id: string }>(async (ctx) => {
  const p = parseParams(resumeSubscriptionSchema, ctx.input);
  checkExpand('subscription', p.expand);
  return expandObject(ctx, await resumeSubscriptionById(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
