'use server';

import { z } from 'zod';
import { merchantAction, merchantIdAction } from '@/lib/actions/action';
import { catalogOptions } from '@/lib/actions/catalog';
import { parseParams } from '@/lib/api/parse-params';
import { createCoupon, deleteCoupon } from '@/lib/catalog/coupons';
import { createPromotionCode, updatePromotionCode } from '@/lib/catalog/promotion-codes';
import { createCouponSchema } from '@/lib/validation/coupons';
import {
  couponFormSchema,
  createCouponParams,
  createPromotionCodeParams,
  promotionCodeFormSchema,
} from '@/lib/validation/dashboard-coupons';
import { createPromotionCodeSchema, updatePromotionCodeSchema } from '@/lib/validation/promotion-codes';

const CATALOG = catalogOptions();
const COUPON_FIELDS = {
  name: 'name',
  percent_off: 'percentOff',
  amount_off: 'amountOff',
  currency: 'currency',
  duration_in_months: 'durationInMonths',
  max_redemptions: 'maxRedemptions',
  redeem_by: 'redeemBy',
};
const CODE_FIELDS = { code: 'code', max_redemptions: 'maxRedemptions', expires_at: 'expiresAt' };

// POST (server action) — create a coupon (lib/catalog createCoupon)
export const createCouponAction = merchantAction(
  couponFormSchema,
  async (v, { db, accountId }) => ({
    id: (await createCoupon(db, { accountId }, parseParams(createCouponSchema, createCouponParams(v)))).id,
  }),
  catalogOptions(COUPON_FIELDS),
);

// POST (server action) — delete a coupon (sessions and codes that used it keep their record)
export const deleteCouponAction = merchantIdAction(
  z.undefined(),
  async (_, { db, accountId, id }) => {
    await deleteCoupon(db, { accountId, id });
  },
  CATALOG,
);

// POST (server action) — create a promotion code for a coupon of the signed-in account
export const createPromotionCodeAction = merchantIdAction(
  promotionCodeFormSchema,
  async (v, { db, accountId, id }) => {
    await createPromotionCode(db, { accountId }, parseParams(createPromotionCodeSchema, createPromotionCodeParams(id, v)));
  },
  catalogOptions(CODE_FIELDS),
);

// POST (server action) — deactivate a promotion code (customers can no longer apply it)
export const deactivatePromotionCodeAction = merchantIdAction(
  z.undefined(),
  async (_, { db, accountId, id }) => {
    await updatePromotionCode(db, { accountId, id }, parseParams(updatePromotionCodeSchema, { active: false }));
  },
  CATALOG,
);
