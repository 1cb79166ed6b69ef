// GET /v1/tax/registrations — list tax registrations · POST /v1/tax/registrations — create a tax registration
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { createTaxRegistration, listTaxRegistrations } from '@/lib/tax-settings/tax-registrations';
import { createTaxRegistrationSchema, listTaxRegistrationsSchema } from '@/lib/validation/tax-registrations';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createTaxRegistrationSchema, ctx.input);
  checkExpand('tax.registration', p.expand);
  return expandObject(ctx, await createTaxRegistration(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listTaxRegistrationsSchema, ctx.input);
  const { data, hasMore } = await listTaxRegistrations(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/tax/registrations', data, hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
