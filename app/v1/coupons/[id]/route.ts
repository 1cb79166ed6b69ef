// GET /v1/coupons/:id — retrieve · POST — update · DELETE — delete a coupon
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteCoupon, retrieveCoupon, updateCoupon } from '@/lib/catalog/coupons';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';
import { updateCouponSchema } from '@/lib/validation/coupons';

type Params = { id: string };

export const GET = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveCoupon(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

export const POST = withApi<Params>(async (ctx) => {
  const p = parseParams(updateCouponSchema, ctx.input);
  checkExpand('coupon', p.expand);
  return expandObject(ctx, await updateCoupon(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

export const DELETE = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteCoupon(ctx.db, { ...ctx.scope, id: ctx.params.id });
});
