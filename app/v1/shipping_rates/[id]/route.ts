// GET /v1/shipping_rates/:id — retrieve · POST — update (Stripe has no delete: archive with active=false)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrieveShippingRate, updateShippingRate } from '@/lib/catalog/shipping-rates';
import { retrieveSchema } from '@/lib/validation/common';
import { updateShippingRateSchema } from '@/lib/validation/shipping-rates';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveShippingRate(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateShippingRateSchema, ctx.input);
  checkExpand('shipping_rate', p.expand);
  return expandObject(ctx, await updateShippingRate(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

// Stripe has no delete for this object.

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
