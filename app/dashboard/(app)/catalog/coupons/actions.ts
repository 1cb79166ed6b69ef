'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { parseParams } from '@/lib/api/parse-params';
import { createCoupon, deleteCoupon } from '@/lib/catalog/coupons';
import { createPromotionCode, updatePromotionCode } from '@/lib/catalog/promotion-codes';
import { fail, ok, parseInput, type ActionResult } from '@/lib/dashboard/action-result';
import { apiFailure } from '@/lib/dashboard/catalog/api-failure';
import { requireMerchant } from '@/lib/dashboard/current-merchant';
import { createCouponSchema } from '@/lib/validation/coupons';
import {
  couponFormSchema,
  createCouponParams,
  createPromotionCodeParams,
  promotionCodeFormSchema,
  type CouponFormInput,
  type PromotionCodeFormInput,
} from '@/lib/validation/dashboard-coupons';
import { createPromotionCodeSchema, updatePromotionCodeSchema } from '@/lib/validation/promotion-codes';

const id = z.string().min(1).max(255);
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

const refresh = () => revalidatePath('/dashboard/catalog', 'layout');

// POST (server action) — create a coupon (lib/catalog createCoupon)
export async function createCouponAction(input: CouponFormInput): Promise<ActionResult<{ id: string }>> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(couponFormSchema, input);
  if (!parsed.ok) return parsed.result;
  try {
    const coupon = await createCoupon(db, { accountId }, parseParams(createCouponSchema, createCouponParams(parsed.data)));
    refresh();
    return ok({ id: coupon.id });
  } catch (err) {
    return apiFailure(err, COUPON_FIELDS);
  }
}

// POST (server action) — delete a coupon (sessions and codes that used it keep their record)
export async function deleteCouponAction(couponId: string): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  if (!id.safeParse(couponId).success) return fail('not_found');
  try {
    await deleteCoupon(db, { accountId, id: couponId });
    refresh();
    return ok();
  } catch (err) {
    return apiFailure(err);
  }
}

// POST (server action) — create a promotion code for a coupon of the signed-in account
export async function createPromotionCodeAction(couponId: string, input: PromotionCodeFormInput): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  const parsed = parseInput(promotionCodeFormSchema, input);
  if (!parsed.ok || !id.safeParse(couponId).success) return parsed.ok ? fail('not_found') : parsed.result;
  try {
    await createPromotionCode(db, { accountId }, parseParams(createPromotionCodeSchema, createPromotionCodeParams(couponId, parsed.data)));
    refresh();
    return ok();
  } catch (err) {
    return apiFailure(err, CODE_FIELDS);
  }
}

// POST (server action) — deactivate a promotion code (customers can no longer apply it)
export async function deactivatePromotionCodeAction(codeId: string): Promise<ActionResult> {
  const { db, accountId } = await requireMerchant();
  if (!id.safeParse(codeId).success) return fail('not_found');
  try {
    await updatePromotionCode(db, { accountId, id: codeId }, parseParams(updatePromotionCodeSchema, { active: false }));
    refresh();
    return ok();
  } catch (err) {
    return apiFailure(err);
  }
}
