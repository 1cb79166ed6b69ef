import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, promotionCodes } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { applyPromotionCode } from './cart-actions';
import { confirmPayment } from './confirm-payment';
import { expireIfDue } from './expire-if-due';
import { expireSession } from './expire-session';
import { sweepExpiredSessions } from './expiry-sweep';
import { newSession, newShop, payForm } from './testing/checkout-world';
import { useCheckoutDatabase } from './testing/checkout-db';
import { CheckoutSystem } from './testing/checkout-system';

const db = useCheckoutDatabase('caisse_expire');
const T0 = new Date('2026-06-01T12:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function shopWithSession(expiresInSeconds = 1800) {
  const sys = new CheckoutSystem(db(), await newShop(db()), T0);
  const sessionId = await newSession(db(), sys.shop, { now: T0, expiresInSeconds });
  return { sys, sessionId };
}

/** A card payment that reached the processor and waits there for its answer. */
async function chargeInFlight(sys: CheckoutSystem, sessionId: string, now = T0) {
  const attempt = await sys.start(sessionId, () =>
    confirmPayment(db(), { sessionId, form: payForm('ok'), clientKey: 'k', processor: sys.processor, now }),
  );
  if (!('attemptId' in attempt)) throw new Error(`expected the charge to reach the processor, got ${JSON.stringify(attempt)}`);
  return attempt;
}

describe('expiring a session', () => {
  it('finding 1: the merchant expires it while its card charge is in flight → refused, and the charge then completes it', async () => {
    const { sys, sessionId } = await shopWithSession();
    const attempt = await chargeInFlight(sys, sessionId);
    const refused = await expireSession(db(), { accountId: sys.shop.accountId, id: sessionId }, at(1)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect((refused as ApiError).message).toMatch(/payment attempt in progress/);
    expect((await sys.answer(attempt)).state).toBe('complete');
    expect((await sys.state(sessionId)).session).toMatchObject({ status: 'complete', paymentStatus: 'paid' });
    expect(sys.processor.kept()).toHaveLength(1);
  });

  it('finding 1: its time runs out during the charge → neither the sweep nor a page read expires it; the charge completes it', async () => {
    const { sys, sessionId } = await shopWithSession(1800);
    const attempt = await chargeInFlight(sys, sessionId, at(1799));
    expect(await sweepExpiredSessions(db(), at(1801))).toBe(0);
    const { session } = await sys.state(sessionId);
    expect((await expireIfDue(db(), session, at(1801))).status).toBe('open');
    expect((await sys.answer(attempt)).state).toBe('complete');
    expect(await sweepExpiredSessions(db(), at(1802))).toBe(0);
    expect((await sys.state(sessionId)).session.status).toBe('complete');
  });

  it('a declined attempt leaves the session to the sweep, which expires it once, cancelling its intent', async () => {
    const { sys, sessionId } = await shopWithSession(1800);
    sys.processor.open = true;
    expect(
      (await confirmPayment(db(), { sessionId, form: payForm('declined'), clientKey: 'k', processor: sys.processor, now: at(10) })).state,
    ).toBe('declined');
    expect(await sweepExpiredSessions(db(), at(1801))).toBe(1);
    expect(await sweepExpiredSessions(db(), at(1802))).toBe(0);
    const { session, intent } = await sys.state(sessionId);
    expect(session.status).toBe('expired');
    expect(intent).toMatchObject({ status: 'canceled', cancellationReason: 'abandoned' });
    const types = (await db().select().from(events).where(eq(events.accountId, sys.shop.accountId)))
      .map((e) => e.type)
      .filter((t) => t.startsWith('checkout.') || t.startsWith('payment_intent.'))
      .sort();
    expect(types).toEqual(['checkout.session.expired', 'payment_intent.canceled', 'payment_intent.payment_failed']);
  });

  it('while a challenge waits on the customer → the intent is canceled and the promotion code given back', async () => {
    const { sys, sessionId } = await shopWithSession();
    sys.processor.open = true;
    expect(await applyPromotionCode(db(), sessionId, sys.shop.singleUse.code, 'k', T0)).toEqual({ ok: true });
    expect(
      (await confirmPayment(db(), { sessionId, form: payForm('challenge'), clientKey: 'k', processor: sys.processor, now: at(5) })).state,
    ).toBe('requires_action');
    const promo = () =>
      db()
        .select()
        .from(promotionCodes)
        .where(eq(promotionCodes.id, sys.shop.singleUse.id))
        .then((r) => r[0]);
    expect((await promo()).timesRedeemed).toBe(1);
    await expireSession(db(), { accountId: sys.shop.accountId, id: sessionId }, at(60));
    expect((await sys.state(sessionId)).intent).toMatchObject({ status: 'canceled', reservedDiscount: null });
    expect((await promo()).timesRedeemed).toBe(0);
    const canceled = await db()
      .select()
      .from(events)
      .where(and(eq(events.accountId, sys.shop.accountId), eq(events.type, 'payment_intent.canceled')));
    expect(canceled).toHaveLength(1);
  });
});
