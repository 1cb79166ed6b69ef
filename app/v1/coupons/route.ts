// GET /v1/coupons — list coupons · POST /v1/coupons — create a coupon
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { listObject } from '@/lib/api/list';
import { parseParams } from '@/lib/api/parse-params';
import { serializeCoupon } from '@/lib/api/serialize/coupon';
import { withApi } from '@/lib/api/with-api';
import { createCoupon, listCoupons } from '@/lib/catalog/coupons';
import { createCouponSchema, listCouponsSchema } from '@/lib/validation/coupons';

const onPost = withApi(async (ctx) => {
  const p = parseParams(createCouponSchema, ctx.input);
  checkExpand('coupon', p.expand);
  return expandObject(ctx, await createCoupon(ctx.db, ctx.scope, p), p.expand);
});

const onGet = withApi(async (ctx) => {
  const p = parseParams(listCouponsSchema, ctx.input);
  const { rows, hasMore } = await listCoupons(ctx.db, ctx.scope, p);
  const now = new Date();
  return expandObject(
    ctx,
    listObject(
      '/v1/coupons',
      rows.map((r) => serializeCoupon(r, now)),
      hasMore,
    ),
    p.expand,
  );
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost });
