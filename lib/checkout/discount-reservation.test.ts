import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coupons, promotionCodes } from '@/db/schema';
import { findSessionById } from '@/db/queries/public-session';
import { applyPromotionCode } from './cart-actions';
import { confirmPayment } from './confirm-payment';
import { DiscountRefused, reserveDiscount } from './discount-reservation';
import { newSession, newShop, payForm } from './testing/checkout-world';
import { useCheckoutDatabase } from './testing/checkout-db';
import { CheckoutSystem } from './testing/checkout-system';
import { defined } from '@/e2e/support/defined';

const db = useCheckoutDatabase('caisse_reservation');
const T0 = new Date('2026-06-01T12:00:00Z');

async function twoCustomersWithTheCode(which: 'singleUse' | 'twoUses' = 'singleUse') {
  const sys = new CheckoutSystem(db(), await newShop(db()), T0);
  sys.processor.open = true;
  const ids = [await newSession(db(), sys.shop, { now: T0 }), await newSession(db(), sys.shop, { now: T0 })];
  for (const id of ids) expect(await applyPromotionCode(db(), id, sys.shop[which].code, `c-${id}`, T0)).toEqual({ ok: true });
  return { sys, ids };
}

const redeemed = async (sys: CheckoutSystem) => {
  const [promo] = await db().select().from(promotionCodes).where(eq(promotionCodes.id, sys.shop.singleUse.id));
  const [coupon] = await db().select().from(coupons).where(eq(coupons.id, sys.shop.singleUse.couponId));
  return { promo: promo.timesRedeemed, coupon: coupon.timesRedeemed };
};

describe('redeeming a promotion code', () => {
  it('finding 2: two customers pay at once with a single-use code → one pays with it, the other is told it ran out and sees the full price', async () => {
    const { sys, ids } = await twoCustomersWithTheCode();
    const results = await Promise.all(
      ids.map((sessionId, i) =>
        confirmPayment(db(), { sessionId, form: payForm('ok'), clientKey: `c${i}`, processor: sys.processor, now: T0 }),
      ),
    );
    const paid = results.filter((r) => r.state === 'complete');
    const refused = results.filter((r) => r.state === 'invalid');
    expect(paid).toHaveLength(1);
    expect(refused).toEqual([{ state: 'invalid', errors: { promotion_code: 'discount_removed_exhausted' } }]);
    expect(await redeemed(sys)).toEqual({ promo: 1, coupon: 1 });
    const loser = ids[results.findIndex((r) => r.state === 'invalid')];
    const session = await findSessionById(db(), loser);
    expect(session).toMatchObject({ status: 'open', discounts: [], amountTotal: 2500 });
    // The second customer pays the full price.
    expect(
      (await confirmPayment(db(), { sessionId: loser, form: payForm('ok'), clientKey: 'c3', processor: sys.processor, now: T0 })).state,
    ).toBe('complete');
    expect(
      sys.processor
        .kept()
        .map((k) => k.amount)
        .sort(),
    ).toEqual([2000, 2500]);
  });

  it('two reservations race on the counter itself → exactly one holds it, on every database', async () => {
    const { ids } = await twoCustomersWithTheCode();
    const sessions = await Promise.all(ids.map((id) => findSessionById(db(), id)));
    const outcomes = await Promise.allSettled(
      sessions.map((s) => db().transaction((tx) => reserveDiscount(tx, defined(s, 'a session'), T0))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DiscountRefused);
    expect((rejected.reason as DiscountRefused).refusal).toBe('code_exhausted');
  });

  it('a declined payment gives the redemption back, so the next customer can use the code', async () => {
    const { sys, ids } = await twoCustomersWithTheCode();
    expect(
      (await confirmPayment(db(), { sessionId: ids[0], form: payForm('declined'), clientKey: 'd1', processor: sys.processor, now: T0 }))
        .state,
    ).toBe('declined');
    expect(await redeemed(sys)).toEqual({ promo: 0, coupon: 0 });
    expect(
      (await confirmPayment(db(), { sessionId: ids[1], form: payForm('ok'), clientKey: 'd2', processor: sys.processor, now: T0 })).state,
    ).toBe('complete');
    expect(await redeemed(sys)).toEqual({ promo: 1, coupon: 1 });
    expect(sys.processor.kept().map((k) => k.amount)).toEqual([2000]);
  });
});
