import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { completeChallenge } from './authenticate';
import { confirmPayment } from './confirm-payment';
import { expireSession } from './expire-session';
import { newSession, newShop, payForm } from './testing/checkout-world';
import { useCheckoutDatabase } from './testing/checkout-db';
import { CheckoutSystem } from './testing/checkout-system';

const db = useCheckoutDatabase('caisse_authenticate');
const T0 = new Date('2026-06-01T12:00:00Z');

/** A customer on the 3-D Secure challenge page of a session expiring an hour after T0. */
async function waitingOnChallenge() {
  const sys = new CheckoutSystem(db(), await newShop(db()), T0);
  sys.processor.open = true;
  const sessionId = await newSession(db(), sys.shop, { now: T0, expiresInSeconds: 3600 });
  const first = await confirmPayment(db(), { sessionId, form: payForm('challenge'), clientKey: 'c1', processor: sys.processor, now: T0 });
  expect(first).toEqual({ state: 'requires_action' });
  return { sys, sessionId };
}

const countEvents = async (accountId: string, type: string) =>
  (
    await db()
      .select()
      .from(events)
      .where(and(eq(events.accountId, accountId), eq(events.type, type)))
  ).length;

describe('completing a 3-D Secure challenge', () => {
  it('finding 1: after the merchant expired the session → "expired", the attempt canceled, nothing charged, no completed event', async () => {
    const { sys, sessionId } = await waitingOnChallenge();
    const expired = await expireSession(db(), { accountId: sys.shop.accountId, id: sessionId }, new Date(T0.getTime() + 60_000));
    expect(expired.status).toBe('expired');
    const r = await completeChallenge(db(), {
      sessionId,
      result: 'complete',
      processor: sys.processor,
      now: new Date(T0.getTime() + 120_000),
    });
    expect(r).toEqual({ state: 'closed', status: 'expired' });
    const { session, intent } = await sys.state(sessionId);
    expect(session).toMatchObject({ status: 'expired', paymentStatus: 'unpaid' });
    expect(intent).toMatchObject({ status: 'canceled', amountReceived: 0, cancellationReason: 'abandoned' });
    expect(sys.processor.kept()).toEqual([]);
    expect(await countEvents(sys.shop.accountId, 'checkout.session.completed')).toBe(0);
    expect(await countEvents(sys.shop.accountId, 'payment_intent.canceled')).toBe(1);
  });

  it('finding 1: after the session ran out of time (not yet swept) → "expired", and the session expires then, with its events', async () => {
    const { sys, sessionId } = await waitingOnChallenge();
    const late = new Date(T0.getTime() + 3601_000);
    const r = await completeChallenge(db(), { sessionId, result: 'complete', processor: sys.processor, now: late });
    expect(r).toEqual({ state: 'closed', status: 'expired' });
    const { session, intent } = await sys.state(sessionId);
    expect(session.status).toBe('expired');
    expect(intent?.status).toBe('canceled');
    expect(sys.processor.kept()).toEqual([]);
    expect(await countEvents(sys.shop.accountId, 'checkout.session.expired')).toBe(1);
  });

  it('in time → the session completes, charged exactly once', async () => {
    const { sys, sessionId } = await waitingOnChallenge();
    const r = await completeChallenge(db(), {
      sessionId,
      result: 'complete',
      processor: sys.processor,
      now: new Date(T0.getTime() + 60_000),
    });
    expect(r.state).toBe('complete');
    expect(sys.processor.kept()).toHaveLength(1);
    expect((await sys.state(sessionId)).session).toMatchObject({ status: 'complete', paymentStatus: 'paid' });
    // Answering the same challenge again changes nothing.
    expect(
      (await completeChallenge(db(), { sessionId, result: 'complete', processor: sys.processor, now: new Date(T0.getTime() + 61_000) }))
        .state,
    ).toBe('complete');
    expect(sys.processor.kept()).toHaveLength(1);
  });

  it('failing it → declined with the authentication message, the session still open to try again', async () => {
    const { sys, sessionId } = await waitingOnChallenge();
    const r = await completeChallenge(db(), { sessionId, result: 'fail', processor: sys.processor, now: new Date(T0.getTime() + 60_000) });
    expect(r).toEqual({ state: 'declined', message: 'decline.authentication_failed' });
    const { session, intent } = await sys.state(sessionId);
    expect(session.status).toBe('open');
    expect(intent?.status).toBe('requires_payment_method');
  });
});
