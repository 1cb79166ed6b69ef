// GET /v1/billing_portal/configurations/:id — retrieve · POST — update (Stripe has no delete: deactivate with active=false)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrievePortalConfiguration, updatePortalConfiguration } from '@/lib/billing-portal/configurations';
import { updatePortalConfigurationSchema } from '@/lib/validation/billing-portal-configurations';
import { retrieveSchema } from '@/lib/validation/common';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrievePortalConfiguration(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updatePortalConfigurationSchema, ctx.input);
  checkExpand('billing_portal.configuration', p.expand);
  return expandObject(ctx, await updatePortalConfiguration(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
