import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { cancelPaymentIntent } from './cancel-payment-intent';
import { capturePaymentIntent } from './capture-payment-intent';
import { releaseExpiredAuthorizations } from './release-expired-authorizations';
import { paidCharge } from '../testing/paid-charge';
import { paymentState } from '../testing/payment-state';

const db = useCheckoutDatabase('caisse_capture');
const T0 = new Date('2026-06-01T12:00:00Z');
const DAY = 86400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A merchant of its own whose customer paid one unit (€25.00) with 4242… at T0, only authorized (capture_method=manual). */
const authorizedPayment = async (p: { receiptEmail?: string } = {}) =>
  paidCharge(db(), await newShop(db()), { now: T0, with: { card: 'ok', capture: 'manual' }, ...p });

const apiError = (e: unknown) => {
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
};

describe('capturing an authorization', () => {
  it('for less than authorized → succeeded for that amount, the rest released without a refund, session paid, one receipt', async () => {
    const paid = await authorizedPayment({ receiptEmail: 'jenny@example.com' });
    expect((await paymentState(db(), paid.charge)).receipts).toEqual([]);
    const pi = await capturePaymentIntent(
      db(),
      paid.scope,
      paid.charge.paymentIntentId,
      { amount_to_capture: 1500, metadata: { order: '42' } },
      { now: at(DAY) },
    );
    expect(pi).toMatchObject({ status: 'succeeded', amount: 2500, amount_received: 1500, amount_capturable: 0, metadata: { order: '42' } });
    const s = await paymentState(db(), paid.charge);
    expect(s.charge).toMatchObject({ captured: true, amount: 2500, amountCaptured: 1500, amountRefunded: 0, captureBefore: null });
    expect(s.refunds).toEqual([]);
    expect(s.session.paymentStatus).toBe('paid');
    expect(s.receipts.map((r) => r.to)).toEqual(['jenny@example.com']);
    expect([s.count('charge.captured'), s.count('payment_intent.succeeded'), s.count('charge.refunded')]).toEqual([1, 1, 0]);
  });

  it('once its 7 days have passed, even before the sweep ran → charge_expired_for_capture, nothing changes', async () => {
    const paid = await authorizedPayment();
    const late = await capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}, { now: at(7 * DAY) }).catch(
      (e: unknown) => e,
    );
    expect(apiError(late).toJSON().error).toMatchObject({ type: 'invalid_request_error', code: 'charge_expired_for_capture' });
    const s = await paymentState(db(), paid.charge);
    expect(s.charge).toMatchObject({ captured: false, amountCaptured: 0 });
    expect(s.intent.status).toBe('requires_capture');
    const inTime = await capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}, { now: at(7 * DAY - 1) });
    expect(inTime.status).toBe('succeeded');
  });

  it('for more than authorized, or twice → Stripe’s errors, nothing changes', async () => {
    const paid = await authorizedPayment();
    const tooMuch = apiError(
      await capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, { amount_to_capture: 2501 }, { now: at(DAY) }).catch(
        (e: unknown) => e,
      ),
    );
    expect(tooMuch).toMatchObject({ code: 'amount_too_large', param: 'amount_to_capture', status: 400 });
    expect((await paymentState(db(), paid.charge)).intent.status).toBe('requires_capture');
    await capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}, { now: at(DAY) });
    const twice = apiError(
      await capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}, { now: at(DAY) }).catch((e: unknown) => e),
    );
    expect(twice.code).toBe('payment_intent_unexpected_state');
    expect(twice.message).toBe(
      'This PaymentIntent could not be captured because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.',
    );
    expect((await paymentState(db(), paid.charge)).count('charge.captured')).toBe(1);
  });

  it("another merchant's intent → 404", async () => {
    const paid = await authorizedPayment();
    const other = await authorizedPayment();
    const err = apiError(
      await capturePaymentIntent(db(), other.scope, paid.charge.paymentIntentId, {}, { now: at(DAY) }).catch((e: unknown) => e),
    );
    expect(err).toMatchObject({ status: 404, code: 'resource_missing' });
  });
});

describe('canceling an authorization', () => {
  it('→ canceled with the reason given, no refund, no receipt, the session stays unpaid', async () => {
    const paid = await authorizedPayment({ receiptEmail: 'jenny@example.com' });
    const pi = await cancelPaymentIntent(
      db(),
      paid.scope,
      paid.charge.paymentIntentId,
      { cancellation_reason: 'requested_by_customer' },
      { now: at(DAY) },
    );
    expect(pi).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'requested_by_customer',
      canceled_at: Math.floor(at(DAY).getTime() / 1000),
    });
    const s = await paymentState(db(), paid.charge);
    expect(s.charge).toMatchObject({ captured: false, amountRefunded: 0, captureBefore: null });
    expect(s.refunds).toEqual([]);
    expect(s.receipts).toEqual([]);
    expect(s.session.paymentStatus).toBe('unpaid');
    expect(s.count('payment_intent.canceled')).toBe(1);
    const again = apiError(await cancelPaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}).catch((e: unknown) => e));
    expect(again.message).toMatch(/^You cannot cancel this PaymentIntent because it has a status of canceled\./);
  });

  it('without a reason → cancellation_reason null, as Stripe', async () => {
    const paid = await authorizedPayment();
    expect(await cancelPaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {})).toMatchObject({
      status: 'canceled',
      cancellation_reason: null,
    });
  });
});

describe('a capture racing a cancel or the expiry, on one authorization', () => {
  it('capture and cancel at once, several times → each time exactly one wins, and the records agree with it', async () => {
    for (let i = 0; i < 4; i++) {
      const paid = await authorizedPayment();
      const [capture, cancel] = await Promise.allSettled([
        capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}, { now: at(DAY) }),
        cancelPaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, { cancellation_reason: 'duplicate' }),
      ]);
      expect([capture.status, cancel.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      const loser: unknown = capture.status === 'rejected' ? capture.reason : cancel.status === 'rejected' ? cancel.reason : null;
      expect(apiError(loser).code).toBe('payment_intent_unexpected_state');
      const s = await paymentState(db(), paid.charge);
      if (capture.status === 'fulfilled') {
        expect([s.intent.status, s.charge.captured, s.session.paymentStatus]).toEqual(['succeeded', true, 'paid']);
        expect([s.count('charge.captured'), s.count('payment_intent.canceled')]).toEqual([1, 0]);
      } else {
        expect([s.intent.status, s.charge.captured, s.session.paymentStatus]).toEqual(['canceled', false, 'unpaid']);
        expect([s.count('charge.captured'), s.count('payment_intent.canceled')]).toEqual([0, 1]);
      }
    }
  });

  it('capture and the expiry sweep at once → exactly one wins', async () => {
    const paid = await authorizedPayment();
    const [capture] = await Promise.allSettled([
      capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}, { now: at(7 * DAY) }),
      releaseExpiredAuthorizations(db(), at(7 * DAY), 100),
    ]);
    // The sweep skips a charge another transaction holds (skip locked): when the capture held it, the next sweep,
    // as the periodic one runs, releases it. Either way it is released once, or captured, never both nor neither.
    await releaseExpiredAuthorizations(db(), at(7 * DAY), 100);
    const s = await paymentState(db(), paid.charge);
    if (capture.status === 'fulfilled') expect([s.intent.status, s.count('charge.expired')]).toEqual(['succeeded', 0]);
    else expect([s.intent.status, s.count('charge.expired'), s.count('charge.captured')]).toEqual(['canceled', 1, 0]);
  });
});
