import type { CouponRow } from '@/db/queries/coupons';
import type { PromotionCodeRow } from '@/db/queries/promotion-codes';

/** Why a coupon or promotion code cannot apply; the page and the API each word these their own way. */
export type DiscountRefusal =
  | 'coupon_expired'
  | 'coupon_exhausted'
  | 'currency_mismatch'
  | 'code_inactive'
  | 'code_expired'
  | 'code_exhausted'
  | 'minimum_amount'
  | 'first_time_only'
  | 'customer_mismatch';

/** The coupon's amount_off in `currency`, or null when it has none there. Percent coupons return 0. */
export function couponAmountIn(coupon: CouponRow, currency: string): number | null {
  if (coupon.percentOff !== null) return 0;
  if (coupon.currency === currency) return coupon.amountOff;
  return coupon.currencyOptions?.[currency]?.amount_off ?? null;
}

export function couponRefusal(coupon: CouponRow, currency: string, now: Date): DiscountRefusal | null {
  if (coupon.redeemBy && coupon.redeemBy <= now) return 'coupon_expired';
  if (coupon.maxRedemptions !== null && coupon.timesRedeemed >= coupon.maxRedemptions) return 'coupon_exhausted';
  if (couponAmountIn(coupon, currency) === null) return 'currency_mismatch';
  return null;
}

export type PromotionContext = {
  currency: string;
  /** The order's subtotal before discounts, in minor units of `currency`. */
  subtotal: number;
  customerId: string | null;
  /** Whether the customer has paid before; unknown (null) counts as a first order. */
  hasPriorPayments: boolean | null;
  now: Date;
};

export function promotionCodeRefusal(promo: PromotionCodeRow, coupon: CouponRow, ctx: PromotionContext): DiscountRefusal | null {
  if (!promo.active) return 'code_inactive';
  if (promo.expiresAt && promo.expiresAt <= ctx.now) return 'code_expired';
  if (promo.maxRedemptions !== null && promo.timesRedeemed >= promo.maxRedemptions) return 'code_exhausted';
  if (promo.customerId && promo.customerId !== ctx.customerId) return 'customer_mismatch';
  const couponProblem = couponRefusal(coupon, ctx.currency, ctx.now);
  if (couponProblem) return couponProblem;
  const r = promo.restrictions;
  const minimum =
    r.minimum_amount_currency === ctx.currency ? r.minimum_amount : (r.currency_options?.[ctx.currency]?.minimum_amount ?? null);
  if (minimum !== null && ctx.subtotal < minimum) return 'minimum_amount';
  if (r.first_time_transaction && ctx.hasPriorPayments) return 'first_time_only';
  return null;
}

export const refusalMessages: Record<DiscountRefusal, string> = {
  coupon_expired: 'This coupon has expired.',
  coupon_exhausted: 'This coupon has reached its maximum number of redemptions.',
  currency_mismatch: "This coupon's amount is not available in the session's currency.",
  code_inactive: 'This promotion code is inactive.',
  code_expired: 'This promotion code has expired.',
  code_exhausted: 'This promotion code has reached its maximum number of redemptions.',
  minimum_amount: "The order does not reach this promotion code's minimum amount.",
  first_time_only: 'This promotion code is only valid for first-time customers.',
  customer_mismatch: 'This promotion code is restricted to another customer.',
};
