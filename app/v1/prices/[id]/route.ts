// GET /v1/prices/:id — retrieve · POST — update a price (prices cannot be deleted, as with Stripe)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrievePrice, updatePrice } from '@/lib/catalog/prices';
import { retrieveSchema } from '@/lib/validation/common';
import { updatePriceSchema } from '@/lib/validation/prices';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrievePrice(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updatePriceSchema, ctx.input);
  checkExpand('price', p.expand);
  return expandObject(ctx, await updatePrice(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

// Stripe has no delete for this object.

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
