// GET /v1/tax/registrations/:id — retrieve · POST — update its period (Stripe has no delete: end one with expires_at)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveTaxRegistration, updateTaxRegistration } from '@/lib/tax-settings/tax-registrations';
import { retrieveSchema } from '@/lib/validation/common';
import { updateTaxRegistrationSchema } from '@/lib/validation/tax-registrations';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveTaxRegistration(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateTaxRegistrationSchema, ctx.input);
  checkExpand('tax.registration', p.expand);
  return expandObject(ctx, await updateTaxRegistration(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
