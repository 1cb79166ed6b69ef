// GET /v1/prices — list prices · POST /v1/prices — create a price
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializePrice } from '@/lib/api/serialize/price';
import { withApi } from '@/lib/api/with-api';
import { createPrice, listPrices } from '@/lib/catalog/prices';
import { createPriceSchema, listPricesSchema } from '@/lib/validation/prices';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createPriceSchema, ctx.input);
  checkExpand('price', p.expand);
  return expandObject(ctx, await createPrice(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listPricesSchema, ctx.input);
  const { rows, hasMore } = await listPrices(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/prices', rows.map(serializePrice), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
