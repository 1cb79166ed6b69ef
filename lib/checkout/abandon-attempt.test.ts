import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { promotionCodes } from '@/db/schema';
import { recoverLostAttempts } from './abandon-attempt';
import { applyPromotionCode } from './cart-actions';
import { confirmPayment } from './confirm-payment';
import { ATTEMPT_LEASE_MS } from './payment-state';
import { newSession, newShop, payForm } from './testing/checkout-world';
import { useCheckoutDatabase } from './testing/checkout-db';
import { CheckoutSystem } from './testing/checkout-system';
import { GatedProcessor } from './testing/gated-processor';
import { defined } from '@/e2e/support/defined';

const db = useCheckoutDatabase('caisse_abandon');
const T0 = new Date('2026-06-01T12:00:00Z');
const afterLease = new Date(T0.getTime() + ATTEMPT_LEASE_MS + 1000);

/** A session with the single-use code applied whose charge reached the processor, then its process died. */
async function lostCharge(processor = new GatedProcessor()) {
  const sys = new CheckoutSystem(db(), await newShop(db()), T0, processor);
  const sessionId = await newSession(db(), sys.shop, { now: T0 });
  expect(await applyPromotionCode(db(), sessionId, sys.shop.singleUse.code, 'k', T0)).toEqual({ ok: true });
  const attempt = await sys.start(sessionId, () =>
    confirmPayment(db(), { sessionId, form: payForm('ok'), clientKey: 'k', processor: sys.processor, now: T0 }),
  );
  if (!('attemptId' in attempt)) throw new Error('expected the charge to reach the processor');
  attempt.lost = true;
  return { sys, sessionId, attempt };
}

const timesRedeemed = async (sys: CheckoutSystem) =>
  (await db().select().from(promotionCodes).where(eq(promotionCodes.id, sys.shop.singleUse.id)))[0].timesRedeemed;

describe('an attempt whose process died', () => {
  it('is left alone within its lease, then given up by the sweep: reversed, the intent free again, the code given back', async () => {
    const { sys, sessionId, attempt } = await lostCharge();
    expect(await recoverLostAttempts(db(), sys.processor, new Date(T0.getTime() + ATTEMPT_LEASE_MS - 1000))).toBe(0);
    expect(await recoverLostAttempts(db(), sys.processor, afterLease)).toBe(1);
    expect(sys.processor.ledger.get(attempt.attemptId)?.reversed).toBe(true);
    const { session, intent } = await sys.state(sessionId);
    expect(session.status).toBe('open');
    expect(intent).toMatchObject({
      status: 'requires_payment_method',
      reservedDiscount: null,
      lastPaymentError: { code: 'processing_error' },
    });
    expect(await timesRedeemed(sys)).toBe(0);
    // The customer can pay again.
    sys.processor.open = true;
    expect(
      (await confirmPayment(db(), { sessionId, form: payForm('ok'), clientKey: 'k', processor: sys.processor, now: afterLease })).state,
    ).toBe('complete');
    expect(await timesRedeemed(sys)).toBe(1);
  });

  it('its answer arriving after it was given up takes no money, even from a processor that lets a late charge through', async () => {
    const { sys, sessionId, attempt } = await lostCharge(new GatedProcessor(false));
    await recoverLostAttempts(db(), sys.processor, afterLease);
    const late = await sys.answer(attempt);
    expect(late).toEqual({ state: 'declined', message: 'decline.processing_error' });
    const entry = defined(sys.processor.ledger.get(attempt.attemptId), 'the ledger entry of the attempt');
    expect(entry).toMatchObject({ charged: true, reversed: true });
    expect(sys.processor.kept()).toEqual([]);
    expect((await sys.state(sessionId)).session.status).toBe('open');
    await sys.assertInvariants();
  });
});
