import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { SessionRow } from '@/db/queries/checkout-sessions';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { coupons, paymentIntents, promotionCodes, type ReservedDiscount } from '@/db/schema';
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
  const coupon = await tx
    .update(coupons)
    .set({ timesRedeemed: sql`${coupons.timesRedeemed} + 1` })
    .where(
      and(
        eq(coupons.accountId, session.accountId),
        eq(coupons.id, applied.coupon),
        isNull(coupons.deletedAt),
        or(isNull(coupons.redeemBy), gt(coupons.redeemBy, now)),
        or(isNull(coupons.maxRedemptions), lt(coupons.timesRedeemed, coupons.maxRedemptions)),
      ),
    )
    .returning({ id: coupons.id });
  if (!coupon.length) throw new DiscountRefused(applied.promotion_code ? 'code_exhausted' : 'coupon_exhausted');
  if (applied.promotion_code) {
    const promo = await tx
      .update(promotionCodes)
      .set({ timesRedeemed: sql`${promotionCodes.timesRedeemed} + 1` })
      .where(
        and(
          eq(promotionCodes.accountId, session.accountId),
          eq(promotionCodes.id, applied.promotion_code),
          eq(promotionCodes.active, true),
          or(isNull(promotionCodes.expiresAt), gt(promotionCodes.expiresAt, now)),
          or(isNull(promotionCodes.maxRedemptions), lt(promotionCodes.timesRedeemed, promotionCodes.maxRedemptions)),
        ),
      )
      .returning({ id: promotionCodes.id });
    if (!promo.length) throw new DiscountRefused('code_exhausted');
  }
  return { coupon: applied.coupon, promotion_code: applied.promotion_code };
}

/**
 * Gives back the redemption an attempt held (T4, T6, T7): the intent's reservation is cleared by a
 * conditional update first, so however often this runs, each reservation is given back once.
 */
export async function releaseDiscount(tx: Tx, intent: Pick<PaymentIntentRow, 'id' | 'accountId'>): Promise<void> {
  const rows = await tx
    .select({ reserved: paymentIntents.reservedDiscount })
    .from(paymentIntents)
    .where(eq(paymentIntents.id, intent.id))
    .for('update');
  const held = rows.at(0);
  if (!held?.reserved) return;
  const cleared = await tx
    .update(paymentIntents)
    .set({ reservedDiscount: null })
    .where(and(eq(paymentIntents.id, intent.id), sql`${paymentIntents.reservedDiscount} is not null`))
    .returning({ id: paymentIntents.id });
  if (!cleared.length) return;
  const { coupon, promotion_code } = held.reserved;
  await tx
    .update(coupons)
    .set({ timesRedeemed: sql`greatest(${coupons.timesRedeemed} - 1, 0)` })
    .where(and(eq(coupons.accountId, intent.accountId), eq(coupons.id, coupon)));
  if (promotion_code)
    await tx
      .update(promotionCodes)
      .set({ timesRedeemed: sql`greatest(${promotionCodes.timesRedeemed} - 1, 0)` })
      .where(and(eq(promotionCodes.accountId, intent.accountId), eq(promotionCodes.id, promotion_code)));
}
