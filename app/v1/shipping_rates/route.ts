// GET /v1/shipping_rates — list shipping rates · POST /v1/shipping_rates — create a shipping rate
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeShippingRate } from '@/lib/api/serialize/shipping-rate';
import { withApi } from '@/lib/api/with-api';
import { createShippingRate, listShippingRates } from '@/lib/catalog/shipping-rates';
import { createShippingRateSchema, listShippingRatesSchema } from '@/lib/validation/shipping-rates';

export const POST = withApi(async (ctx) => {
  const p = parseParams(createShippingRateSchema, ctx.input);
  checkExpand('shipping_rate', p.expand);
  return expandObject(ctx, await createShippingRate(ctx.db, ctx.scope, p), p.expand);
});

export const GET = withApi(async (ctx) => {
  const p = parseParams(listShippingRatesSchema, ctx.input);
  const { rows, hasMore } = await listShippingRates(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/shipping_rates', rows.map(serializeShippingRate), hasMore), p.expand);
});
