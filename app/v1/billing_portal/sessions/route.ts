// POST /v1/billing_portal/sessions — create a customer portal session (Stripe has no retrieve or list)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createPortalSession } from '@/lib/billing-portal/portal-sessions';
import { createPortalSessionSchema } from '@/lib/validation/billing-portal-sessions';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createPortalSessionSchema, ctx.input);
  checkExpand('billing_portal.session', p.expand);
  return expandObject(ctx, await createPortalSession(ctx.db, ctx.scope, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ POST: onPost });
