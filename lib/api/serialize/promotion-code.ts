import type { PromotionCodeRow } from '@/db/queries/promotion-codes';
import { unix, unixOrNull } from '@/lib/util/time';

export function serializePromotionCode(row: PromotionCodeRow) {
  const r = row.restrictions;
  return {
    id: row.id,
    object: 'promotion_code' as const,
    active: row.active,
    code: row.code,
    created: unix(row.createdAt),
    customer: row.customerId,
    customer_account: null,
    expires_at: unixOrNull(row.expiresAt),
    livemode: row.livemode,
    max_redemptions: row.maxRedemptions,
    metadata: row.metadata,
    promotion: { coupon: row.couponId, type: 'coupon' as const },
    restrictions: {
      // Optional in Stripe's type: present when minimums are set in other currencies.
      ...(r.currency_options && Object.keys(r.currency_options).length ? { currency_options: r.currency_options } : {}),
      first_time_transaction: r.first_time_transaction,
      minimum_amount: r.minimum_amount,
      minimum_amount_currency: r.minimum_amount_currency,
    },
    times_redeemed: row.timesRedeemed,
  };
}
