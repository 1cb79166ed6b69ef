import type { Queryable } from '@/db/client';
import { findCoupon } from '@/db/queries/coupons';
import { findPromotionCode } from '@/db/queries/promotion-codes';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { hasPriorPayments } from '@/db/queries/prior-payments';
import { promotionCodeRefusal, type DiscountRefusal } from './discount-eligibility';
import { present } from '@/lib/util/present';

/**
 * A promotion code applied before the customer typed their email is checked again when the payment
 * is claimed: first-time-only codes depend on who pays. (Redemption limits are then enforced by the
 * reservation itself, lib/checkout/discount-reservation.ts.)
 */
export async function recheckDiscount(
  db: Queryable,
  session: SessionRow,
  email: string | null,
  now: Date,
): Promise<DiscountRefusal | null> {
  const applied = session.discounts.at(0);
  if (!applied?.promotion_code) return null;
  const [promo, coupon] = await Promise.all([
    findPromotionCode(db, { accountId: session.accountId, id: applied.promotion_code }),
    findCoupon(db, { accountId: session.accountId, id: applied.coupon }),
  ]);
  if (!promo || !coupon) return 'code_inactive';
  return promotionCodeRefusal(promo, coupon, {
    currency: present(session.currency, `session ${session.id}'s currency`),
    subtotal: session.amountSubtotal ?? 0,
    customerId: session.customerId,
    hasPriorPayments: await hasPriorPayments(db, session.accountId, { customerId: session.customerId, email }),
    now,
  });
}
