import { z } from 'zod';
import { majorToMinor } from '@/lib/money/major-units';
import { present } from '@/lib/util/present';
import { isSupportedCurrency } from '@/lib/money/currencies';
import type { CreateCouponParams } from './coupons';
import { currencyField } from './dashboard-products';
import { PROMOTION_CODE_PATTERN, type CreatePromotionCodeParams } from './promotion-codes';

/** The dashboard's coupon and promotion code forms; messages are keys of Dashboard.catalog.errors. */

const optionalCount = z
  .string()
  .trim()
  .refine((s) => s === '' || /^[1-9]\d{0,8}$/.test(s), 'count_invalid');
/** A date input's YYYY-MM-DD, or nothing. */
const optionalDate = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), 'date_invalid');

/** The end of the chosen day, UTC: "redeem by 30 June" still works on 30 June. */
export const endOfDay = (date: string) => Math.floor(Date.parse(`${date}T23:59:59Z`) / 1000);

export const couponFormSchema = z
  .object({
    name: z.string().trim().max(40, 'coupon_name_too_long'),
    kind: z.enum(['percent', 'amount']),
    percentOff: z.string().trim(),
    amountOff: z.string().trim(),
    currency: currencyField(),
    duration: z.enum(['once', 'forever', 'repeating']),
    durationInMonths: z.string().trim(),
    maxRedemptions: optionalCount,
    redeemBy: optionalDate,
  })
  .check((ctx) => {
    const v = ctx.value;
    const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', input: v, path: [path], message });
    if (v.kind === 'percent') {
      const n = Number(v.percentOff.replace(',', '.'));
      if (!/^\d+([.,]\d{1,12})?$/.test(v.percentOff) || !(n > 0 && n <= 100)) issue('percentOff', 'percent_invalid');
    } else if (isSupportedCurrency(v.currency)) {
      const minor = majorToMinor(v.amountOff, v.currency);
      if (minor === null || minor < 1) issue('amountOff', 'amount_invalid');
    }
    if (v.duration === 'repeating' && !/^[1-9]\d{0,2}$/.test(v.durationInMonths)) issue('durationInMonths', 'months_invalid');
  });
export type CouponFormInput = z.input<typeof couponFormSchema>;
export type CouponFormValues = z.output<typeof couponFormSchema>;

export function createCouponParams(v: CouponFormValues): CreateCouponParams {
  return {
    ...(v.name && { name: v.name }),
    ...(v.kind === 'percent'
      ? { percent_off: v.percentOff.replace(',', '.') }
      : { amount_off: present(majorToMinor(v.amountOff, v.currency), 'the amount off, which the form checked'), currency: v.currency }),
    duration: v.duration,
    ...(v.duration === 'repeating' && { duration_in_months: Number(v.durationInMonths) }),
    ...(v.maxRedemptions && { max_redemptions: Number(v.maxRedemptions) }),
    ...(v.redeemBy && { redeem_by: endOfDay(v.redeemBy) }),
  };
}

export const promotionCodeFormSchema = z.object({
  code: z
    .string()
    .trim()
    .max(500, 'code_invalid')
    .refine((s) => s === '' || PROMOTION_CODE_PATTERN.test(s), 'code_invalid'),
  maxRedemptions: optionalCount,
  expiresAt: optionalDate,
  firstTimeTransaction: z.boolean(),
});
export type PromotionCodeFormInput = z.input<typeof promotionCodeFormSchema>;
export type PromotionCodeFormValues = z.output<typeof promotionCodeFormSchema>;

export function createPromotionCodeParams(couponId: string, v: PromotionCodeFormValues): CreatePromotionCodeParams {
  return {
    promotion: { type: 'coupon', coupon: couponId },
    ...(v.code && { code: v.code }),
    ...(v.maxRedemptions && { max_redemptions: Number(v.maxRedemptions) }),
    ...(v.expiresAt && { expires_at: endOfDay(v.expiresAt) }),
    ...(v.firstTimeTransaction && { restrictions: { first_time_transaction: true } }),
  };
}
