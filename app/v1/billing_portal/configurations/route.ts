// GET /v1/billing_portal/configurations — list portal configurations · POST — create one
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializePortalConfiguration } from '@/lib/api/serialize/portal-configuration';
import { withApi } from '@/lib/api/with-api';
import { createPortalConfiguration, listPortalConfigurations } from '@/lib/billing-portal/configurations';
import { createPortalConfigurationSchema, listPortalConfigurationsSchema } from '@/lib/validation/billing-portal-configurations';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createPortalConfigurationSchema, ctx.input);
  checkExpand('billing_portal.configuration', p.expand);
  return expandObject(ctx, await createPortalConfiguration(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listPortalConfigurationsSchema, ctx.input);
  const { rows, hasMore } = await listPortalConfigurations(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/billing_portal/configurations', rows.map(serializePortalConfiguration), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
