import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findSessionById } from '@/db/queries/public-session';
import { findSetupIntent } from '@/db/queries/setup-intents';
import { events, setupIntents } from '@/db/schema';
import { parseParams } from '@/lib/api/parse-params';
import { createAccount } from '@/lib/accounts/create-account';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { completeChallenge } from './authenticate';
import { confirmPayment } from './confirm-payment';
import { createSessionRow } from './create-session';
import { expireSession } from './expire-session';
import { recoverSession } from './recover-session';
import { useCheckoutDatabase } from './testing/checkout-db';
import { payForm } from './testing/checkout-world';

const db = useCheckoutDatabase('caisse_setup_intent');
const T0 = new Date('2026-06-01T12:00:00Z');
const later = (s: number) => new Date(T0.getTime() + s * 1000);

/** A new merchant's open setup session, created at T0, and its SetupIntent's id. */
async function setupSession(extra: Record<string, unknown> = {}) {
  const account = await createAccount(db(), { name: 'Setup Shop' });
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'setup',
    currency: 'eur',
    success_url: 'https://shop.example/ok',
    ...extra,
  });
  const session = await createSessionRow(db(), { accountId: account.id }, params, T0);
  const setupIntentId = session.setupIntentId;
  if (!setupIntentId) throw new Error('a setup session has a SetupIntent');
  return { accountId: account.id, sessionId: session.id, setupIntentId };
}

const intentOf = async (accountId: string, id: string) => findSetupIntent(db(), { accountId, id });
const eventTypes = async (accountId: string) =>
  (await db().select({ type: events.type }).from(events).where(eq(events.accountId, accountId))).map((e) => e.type).sort();

describe("a setup session's SetupIntent", () => {
  it('is made with the session, from setup_intent_data, in the same transaction as its created event', async () => {
    const { accountId, sessionId, setupIntentId } = await setupSession({
      setup_intent_data: { description: 'Card for renewals', metadata: { plan: 'gold', empty: '' } },
    });
    expect(await intentOf(accountId, setupIntentId)).toMatchObject({
      status: 'requires_payment_method',
      usage: 'off_session',
      customerId: null,
      paymentMethodId: null,
      description: 'Card for renewals',
      // An empty value on create is simply not set, as for every metadata.
      metadata: { plan: 'gold' },
      paymentMethodTypes: ['card'],
      checkoutSessionId: sessionId,
      createdAt: T0,
    });
    expect(await eventTypes(accountId)).toEqual(['setup_intent.created']);
  });

  it('a declined card sends it back for another method with last_setup_error; a good card then makes it succeed, once', async () => {
    const { accountId, sessionId, setupIntentId } = await setupSession();
    const declined = await confirmPayment(db(), { sessionId, form: payForm('declined'), clientKey: 'c1', now: later(10) });
    expect(declined.state).toBe('declined');
    expect(await intentOf(accountId, setupIntentId)).toMatchObject({
      status: 'requires_payment_method',
      paymentMethodId: null,
      lastSetupError: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' },
    });

    expect(await confirmPayment(db(), { sessionId, form: payForm('ok'), clientKey: 'c1', now: later(20) })).toMatchObject({
      state: 'complete',
    });
    const done = await intentOf(accountId, setupIntentId);
    expect(done).toMatchObject({ status: 'succeeded', customerId: null, lastSetupError: null });
    expect(done?.paymentMethodId).toMatch(/^pm_/);
    // Completed sessions cannot expire: the SetupIntent stays as it is.
    await expect(expireSession(db(), { accountId, id: sessionId }, later(30))).rejects.toMatchObject({ status: 400 });
    expect((await intentOf(accountId, setupIntentId))?.status).toBe('succeeded');
    const types = await eventTypes(accountId);
    expect(types.filter((t) => t.startsWith('setup_intent.'))).toEqual([
      'setup_intent.created',
      'setup_intent.setup_failed',
      'setup_intent.succeeded',
    ]);
  });

  it('expiring the session while a 3-D Secure challenge waits cancels it; the late challenge changes nothing', async () => {
    const { accountId, sessionId, setupIntentId } = await setupSession();
    expect(await confirmPayment(db(), { sessionId, form: payForm('challenge'), clientKey: 'c2', now: later(10) })).toEqual({
      state: 'requires_action',
    });
    expect((await intentOf(accountId, setupIntentId))?.status).toBe('requires_action');
    const expired = await expireSession(db(), { accountId, id: sessionId }, later(60));
    expect(expired.status).toBe('expired');
    expect(await intentOf(accountId, setupIntentId)).toMatchObject({ status: 'canceled', canceledAt: later(60), paymentMethodId: null });

    expect(await completeChallenge(db(), { sessionId, result: 'complete', now: later(120) })).toEqual({
      state: 'closed',
      status: 'expired',
    });
    expect(await intentOf(accountId, setupIntentId)).toMatchObject({ status: 'canceled', paymentMethodId: null });
    const rows = await db()
      .select()
      .from(setupIntents)
      .where(and(eq(setupIntents.accountId, accountId), eq(setupIntents.checkoutSessionId, sessionId)));
    expect(rows).toHaveLength(1);
    expect((await eventTypes(accountId)).filter((t) => t.startsWith('setup_intent.'))).toEqual([
      'setup_intent.canceled',
      'setup_intent.created',
      'setup_intent.requires_action',
    ]);
  });

  it('a challenge passed → it succeeds from requires_action; a challenge failed → back to requires_payment_method', async () => {
    const passed = await setupSession();
    await confirmPayment(db(), { sessionId: passed.sessionId, form: payForm('challenge'), clientKey: 'c3', now: later(10) });
    expect(await completeChallenge(db(), { sessionId: passed.sessionId, result: 'complete', now: later(20) })).toMatchObject({
      state: 'complete',
    });
    expect(await intentOf(passed.accountId, passed.setupIntentId)).toMatchObject({ status: 'succeeded', lastSetupError: null });

    const failed = await setupSession();
    await confirmPayment(db(), { sessionId: failed.sessionId, form: payForm('challenge'), clientKey: 'c4', now: later(10) });
    expect(await completeChallenge(db(), { sessionId: failed.sessionId, result: 'fail', now: later(20) })).toMatchObject({
      state: 'declined',
    });
    const after = await intentOf(failed.accountId, failed.setupIntentId);
    expect(after).toMatchObject({ status: 'requires_payment_method', paymentMethodId: null });
    expect(after?.lastSetupError?.type).toBe('card_error');
  });

  it('recovering an expired setup session gives the new session a SetupIntent of its own, with the same description and metadata', async () => {
    const { accountId, sessionId, setupIntentId } = await setupSession({
      after_expiration: { recovery: { enabled: 'true' } },
      setup_intent_data: { description: 'Card for renewals', metadata: { plan: 'gold' } },
    });
    await expireSession(db(), { accountId, id: sessionId }, later(60));
    const recovered = await recoverSession(db(), sessionId, later(120));
    if (!('id' in recovered)) throw new Error('the session is recoverable');
    const fresh = await findSessionById(db(), recovered.id);
    expect(fresh).toMatchObject({ status: 'open', mode: 'setup', paymentStatus: 'no_payment_required', recoveredFrom: sessionId });
    const newId = fresh?.setupIntentId;
    expect(newId).toMatch(/^seti_/);
    expect(newId).not.toBe(setupIntentId);
    expect(await intentOf(accountId, newId ?? '')).toMatchObject({
      status: 'requires_payment_method',
      description: 'Card for renewals',
      metadata: { plan: 'gold' },
      checkoutSessionId: recovered.id,
      createdAt: later(120),
    });
    expect((await intentOf(accountId, setupIntentId))?.status).toBe('canceled');

    expect(await confirmPayment(db(), { sessionId: recovered.id, form: payForm('ok'), clientKey: 'c5', now: later(130) })).toMatchObject({
      state: 'complete',
    });
    expect((await intentOf(accountId, newId ?? ''))?.status).toBe('succeeded');
    expect((await intentOf(accountId, setupIntentId))?.status).toBe('canceled');
  });
});
