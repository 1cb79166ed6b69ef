// GET /v1/promotion_codes/:id — retrieve · POST — update a promotion code (no delete, as with Stripe)
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { retrievePromotionCode, updatePromotionCode } from '@/lib/catalog/promotion-codes';
import { retrieveSchema } from '@/lib/validation/common';
import { updatePromotionCodeSchema } from '@/lib/validation/promotion-codes';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrievePromotionCode(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updatePromotionCodeSchema, ctx.input);
  checkExpand('promotion_code', p.expand);
  return expandObject(ctx, await updatePromotionCode(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

// Stripe has no delete for this object.

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
