import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { newShop } from '@/lib/checkout/testing/checkout-world';
import { capturePaymentIntent } from './capture-payment-intent';
import { runDueFollowUps } from '../follow-up-sweep';
import { releaseExpiredAuthorizations } from './release-expired-authorizations';
import type { PaymentProcessor } from '../processor';
import { testProcessor } from '../test-processor';
import { paidCharge } from '../testing/paid-charge';
import { paymentState } from '../testing/payment-state';

const db = useCheckoutDatabase('caisse_auth_expiry');
const T0 = new Date('2026-06-01T12:00:00Z');
const DAY = 86400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A merchant of its own whose customer paid one unit (€25.00) with 4242… at T0, only authorized (capture_method=manual). */
const authorizedPayment = async (p: { receiptEmail?: string } = {}) =>
  paidCharge(db(), await newShop(db()), { now: T0, with: { card: 'ok', capture: 'manual' }, ...p });

describe('an authorization nobody captures', () => {
  it('is released 7 days later by the follow-up sweep: intent canceled, no refund, charge.expired once', async () => {
    const paid = await authorizedPayment({ receiptEmail: 'jenny@example.com' });
    const before = await paymentState(db(), paid.charge);
    expect(before.intent.status).toBe('requires_capture');
    expect(before.charge.captureBefore).toEqual(at(7 * DAY));

    // A second early: not due yet.
    expect(await releaseExpiredAuthorizations(db(), at(7 * DAY - 1000), 100)).toBe(0);
    expect((await paymentState(db(), paid.charge)).intent.status).toBe('requires_capture');

    // The sweep's job runs every step, this one among them.
    await runDueFollowUps(db(), at(7 * DAY));
    const after = await paymentState(db(), paid.charge);
    expect(after.intent).toMatchObject({ status: 'canceled', cancellationReason: 'expired', amountReceived: 0, canceledAt: at(7 * DAY) });
    // Stripe since 2025-03-31.basil: no Refund, amount_refunded untouched, not `refunded`.
    expect(after.charge).toMatchObject({ status: 'succeeded', captured: false, amountCaptured: 0, amountRefunded: 0, captureBefore: null });
    expect(after.refunds).toEqual([]);
    expect(after.count('payment_intent.canceled')).toBe(1);
    expect(after.count('charge.expired')).toBe(1);
    expect(after.count('charge.refunded')).toBe(0);
    const expired = after.events.find((e) => e.type === 'charge.expired')?.data.object;
    expect(expired).toMatchObject({ id: paid.charge.id, captured: false, refunded: false, amount_refunded: 0 });
    // The session stays unpaid and no receipt goes out for money never taken.
    expect(after.session.paymentStatus).toBe('unpaid');
    expect(after.receipts).toEqual([]);

    // Once only.
    expect(await releaseExpiredAuthorizations(db(), at(8 * DAY), 100)).toBe(0);
    expect((await paymentState(db(), paid.charge)).count('charge.expired')).toBe(1);
  });

  it('a capture after the deadline → payment_intent_unexpected_state, nothing captured', async () => {
    const paid = await authorizedPayment();
    await releaseExpiredAuthorizations(db(), at(7 * DAY), 100);
    const err = await capturePaymentIntent(db(), paid.scope, paid.charge.paymentIntentId, {}, { now: at(7 * DAY + 1) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('payment_intent_unexpected_state');
    expect((err as ApiError).message).toContain('has a status of canceled');
    expect((await paymentState(db(), paid.charge)).charge.captured).toBe(false);
  });

  it('one captured in time is left alone by the sweep; a batch takes at most `limit`', async () => {
    const captured = await authorizedPayment();
    await capturePaymentIntent(db(), captured.scope, captured.charge.paymentIntentId, {}, { now: at(DAY) });
    const a = await authorizedPayment();
    const b = await authorizedPayment();
    // Earlier tests left nothing due: these two are the only ones.
    expect(await releaseExpiredAuthorizations(db(), at(7 * DAY), 1)).toBe(1);
    expect(await releaseExpiredAuthorizations(db(), at(7 * DAY), 1)).toBe(1);
    expect(await releaseExpiredAuthorizations(db(), at(7 * DAY), 1)).toBe(0);
    for (const p of [a, b]) expect((await paymentState(db(), p.charge)).intent.status).toBe('canceled');
    const kept = await paymentState(db(), captured.charge);
    expect(kept.intent.status).toBe('succeeded');
    expect(kept.count('charge.expired')).toBe(0);
  });
  it('a processor failing on one authorization → the others of the batch are still released; that one on a later sweep', async () => {
    const stuck = await authorizedPayment();
    const other = await authorizedPayment();
    const stuckAttempt = (await paymentState(db(), stuck.charge)).intent.attemptId;
    const failingOnOne: PaymentProcessor = {
      ...testProcessor,
      reverse: (p) => (p.attemptId === stuckAttempt ? Promise.reject(new Error('processor unavailable')) : testProcessor.reverse(p)),
    };
    await releaseExpiredAuthorizations(db(), at(7 * DAY), 100, failingOnOne);
    expect((await paymentState(db(), other.charge)).intent.status).toBe('canceled');
    const waiting = await paymentState(db(), stuck.charge);
    expect(waiting.intent.status).toBe('requires_capture');
    expect(waiting.charge.captureBefore).toEqual(at(7 * DAY));
    expect(waiting.count('charge.expired')).toBe(0);

    await releaseExpiredAuthorizations(db(), at(7 * DAY + 1000), 100);
    const released = await paymentState(db(), stuck.charge);
    expect(released.intent).toMatchObject({ status: 'canceled', cancellationReason: 'expired' });
    expect(released.count('charge.expired')).toBe(1);
  });
});
