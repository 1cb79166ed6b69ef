// GET /v1/shipping_rates — list shipping rates · POST /v1/shipping_rates — create a shipping rate
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeShippingRate } from '@/lib/api/serialize/shipping-rate';
import { withApi } from '@/lib/api/with-api';
import { createShippingRate, listShippingRates } from '@/lib/catalog/shipping-rates';
import { createShippingRateSchema, listShippingRatesSchema } from '@/lib/validation/shipping-rates';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createShippingRateSchema, ctx.input);
  checkExpand('shipping_rate', p.expand);
  return expandObject(ctx, await createShippingRate(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listShippingRatesSchema, ctx.input);
  const { rows, hasMore } = await listShippingRates(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/shipping_rates', rows.map(serializeShippingRate), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
