// GET /v1/coupons/:id — retrieve · POST — update · DELETE — delete a coupon
import { apiRoute } from '@/lib/api/api-route';
import { checkExpand, expandObject } from '@/lib/api/expandable';
import { parseParams } from '@/lib/api/parse-params';
import { withApi } from '@/lib/api/with-api';
import { deleteCoupon, retrieveCoupon, updateCoupon } from '@/lib/catalog/coupons';
import { deleteSchema, retrieveSchema } from '@/lib/validation/common';
import { updateCouponSchema } from '@/lib/validation/coupons';

type Params = { id: string };

const onGet = withApi<Params>(async (ctx) => {
  const p = parseParams(retrieveSchema, ctx.input);
  return expandObject(ctx, await retrieveCoupon(ctx.db, { ...ctx.scope, id: ctx.params.id }), p.expand);
});

const onPost = withApi<Params>(async (ctx) => {
  const p = parseParams(updateCouponSchema, ctx.input);
  checkExpand('coupon', p.expand);
  return expandObject(ctx, await updateCoupon(ctx.db, { ...ctx.scope, id: ctx.params.id }, p), p.expand);
});

const onDelete = withApi<Params>(async (ctx) => {
  parseParams(deleteSchema, ctx.input);
  return deleteCoupon(ctx.db, { ...ctx.scope, id: ctx.params.id });
});

export const { GET, POST, DELETE, PUT, PATCH } = apiRoute({ GET: onGet, POST: onPost, DELETE: onDelete });
