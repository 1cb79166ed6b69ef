// GET /v1/promotion_codes — list promotion codes · POST /v1/promotion_codes — create a promotion code
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializePromotionCode } from '@/lib/api/serialize/promotion-code';
import { withApi } from '@/lib/api/with-api';
import { createPromotionCode, listPromotionCodes } from '@/lib/catalog/promotion-codes';
import { createPromotionCodeSchema, listPromotionCodesSchema } from '@/lib/validation/promotion-codes';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createPromotionCodeSchema, ctx.input);
  checkExpand('promotion_code', p.expand);
  return expandObject(ctx, await createPromotionCode(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listPromotionCodesSchema, ctx.input);
  const { rows, hasMore } = await listPromotionCodes(ctx.db, ctx.scope, p);
  return expandObject(ctx, listObject('/v1/promotion_codes', rows.map(serializePromotionCode), hasMore), p.expand);
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
