import type { Tx } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import { releaseCouponRedemption, reserveCouponRedemption } from '@/db/queries/coupons';
import { clearReservedDiscountIfHeld, lockReservedDiscount, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { releasePromotionCodeRedemption, reservePromotionCodeRedemption } from '@/db/queries/promotion-codes';
import type { ReservedDiscount } from '@/db/schema';
import type { DiscountRefusal } from './discount-eligibility';

/** Thrown inside a claim's transaction so that nothing of the claim is kept; the caller drops the discount. */
export class DiscountRefused extends Error {
  constructor(readonly refusal: DiscountRefusal) {
    super(`discount refused: ${refusal}`);
  }
}

/**
 * Holds the session's discount for the attempt being claimed (T1): each redemption counter goes up
 * only while it is below its maximum, in the same statement, so two customers paying at once with a
 * single-use code cannot both have it. Throws DiscountRefused when the code ran out (or lapsed) since
 * it was applied.
 */
export async function reserveDiscount(tx: Tx, session: SessionRow, now: Date): Promise<ReservedDiscount | null> {
  const applied = session.discounts.at(0);
  if (!applied) return null;
  const coupon = await reserveCouponRedemption(tx, { accountId: session.accountId, id: applied.coupon, now });
  if (!coupon) throw new DiscountRefused(applied.promotion_code ? 'code_exhausted' : 'coupon_exhausted');
  if (applied.promotion_code) {
    const promo = await reservePromotionCodeRedemption(tx, { accountId: session.accountId, id: applied.promotion_code, now });
    if (!promo) throw new DiscountRefused('code_exhausted');
  }
  return { coupon: applied.coupon, promotion_code: applied.promotion_code };
}

/**
 * Gives back the redemption an attempt held (T4, T6, T7): the intent's reservation is cleared by a
 * conditional update first, so however often this runs, each reservation is given back once.
 */
export async function releaseDiscount(tx: Tx, intent: Pick<PaymentIntentRow, 'id' | 'accountId'>): Promise<void> {
  const reserved = await lockReservedDiscount(tx, intent.id);
  if (!reserved) return;
  const cleared = await clearReservedDiscountIfHeld(tx, intent.id);
  if (!cleared) return;
  const { coupon, promotion_code } = reserved;
  await releaseCouponRedemption(tx, { accountId: intent.accountId, id: coupon });
  if (promotion_code) await releasePromotionCodeRedemption(tx, { accountId: intent.accountId, id: promotion_code });
}
