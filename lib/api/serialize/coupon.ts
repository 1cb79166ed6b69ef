import type { CouponRow } from '@/db/queries/coupons';
import { unix, unixOrNull } from '@/lib/util/time';

/** Whether the coupon can still be redeemed at `now`. */
export function couponIsValid(row: CouponRow, now: Date): boolean {
  if (row.deletedAt) return false;
  if (row.redeemBy && row.redeemBy.getTime() <= now.getTime()) return false;
  return row.maxRedemptions === null || row.timesRedeemed < row.maxRedemptions;
}

export function serializeCoupon(row: CouponRow, now: Date) {
  return {
    id: row.id,
    object: 'coupon' as const,
    amount_off: row.amountOff,
    // Optional in Stripe's type: present when the coupon is limited to some products.
    ...(row.appliesToProducts ? { applies_to: { products: row.appliesToProducts } } : {}),
    created: unix(row.createdAt),
    currency: row.currency,
    ...(row.currencyOptions && Object.keys(row.currencyOptions).length ? { currency_options: row.currencyOptions } : {}),
    duration: row.duration,
    duration_in_months: row.durationInMonths,
    livemode: row.livemode,
    max_redemptions: row.maxRedemptions,
    metadata: row.metadata,
    name: row.name,
    percent_off: row.percentOff === null ? null : Number(row.percentOff),
    redeem_by: unixOrNull(row.redeemBy),
    times_redeemed: row.timesRedeemed,
    valid: couponIsValid(row, now),
  };
}
