import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../support/own-database';

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_sepa');
});
afterAll(() => dropDatabase());

async function shopWithSession(extra: Record<string, unknown> = {}, currency = 'eur') {
  const { getDb } = await import('@/db/client');
  const { createAccount } = await import('@/lib/accounts/create-account');
  const { createSession } = await import('@/lib/checkout/create-session');
  const { prices, products } = await import('@/db/schema');
  const db = await getDb();
  const account = await createAccount(db, { name: 'Sepa Shop' });
  const suffix = account.id.slice(5);
  await db.insert(products).values({ id: `prod_${suffix}`, accountId: account.id, name: 'Lamp' });
  await db.insert(prices).values({
    id: `price_${suffix}`,
    accountId: account.id,
    productId: `prod_${suffix}`,
    currency,
    unitAmount: 4000,
    unitAmountDecimal: '4000',
    type: 'one_time',
  });
  const params = {
    mode: 'payment',
    line_items: [{ price: `price_${suffix}`, quantity: 2 }],
    success_url: 'https://shop.example/ok?id={CHECKOUT_SESSION_ID}',
    payment_method_types: ['card', 'sepa_debit'],
    ...extra,
  };
  const create = () => createSession(db, { accountId: account.id }, params as never);
  return { db, account, create };
}

const form = (iban: string) => ({
  method: 'sepa_debit',
  email: 'jenny.rosen@example.com',
  sepa: { iban, name: 'Jenny Rosen' },
  billing: { country: 'DE', postal_code: '10115' },
});

async function pay(iban: string) {
  const { db, account, create } = await shopWithSession();
  const sessionId = await create();
  const { confirmPayment } = await import('@/lib/checkout/confirm-payment');
  const now = new Date();
  const result = await confirmPayment(db, { sessionId, form: form(iban), clientKey: `sepa-${sessionId}`, now });
  return { db, account, sessionId, now, result };
}

async function state(sessionId: string, accountId: string) {
  const { getDb } = await import('@/db/client');
  const { checkoutSessions, events, paymentIntents } = await import('@/db/schema');
  const db = await getDb();
  const [session] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId));
  const [intent] = await db.select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, sessionId));
  const all = await db.select().from(events).where(eq(events.accountId, accountId));
  const count = (type: string) => all.filter((e) => e.type === type).length;
  const last = (type: string) => all.filter((e) => e.type === type).at(-1)?.data.object;
  return { session, intent, count, last };
}

const settleAt = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('paying a session with SEPA Direct Debit', () => {
  it('a test IBAN that succeeds: complete and unpaid at once with the intent processing; paid after the delay, each event once', async () => {
    const { db, account, sessionId, now, result } = await pay('DE89 3704 0044 0532 0130 00');
    expect(result).toEqual({ state: 'complete', redirectUrl: `https://shop.example/ok?id=${sessionId}`, embedded: false });

    const before = await state(sessionId, account.id);
    expect(before.session).toMatchObject({ status: 'complete', paymentStatus: 'unpaid', paymentIntentId: before.intent.id });
    expect(before.intent).toMatchObject({ status: 'processing', amount: 8000, amountReceived: 0, card: null });
    expect(before.intent.sepaDebit).toMatchObject({ country: 'DE', bank_code: '37040044', last4: '3000', branch_code: null });
    expect(before.intent.sepaDebit?.fingerprint).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // The IBAN is nowhere in the intent, not even in the pending state.
    expect(JSON.stringify(before.intent)).not.toContain('0532013000');
    expect(before.count('checkout.session.completed')).toBe(1);
    expect(before.last('checkout.session.completed')).toMatchObject({ id: sessionId, status: 'complete', payment_status: 'unpaid' });
    expect(before.count('payment_intent.processing')).toBe(1);
    expect(before.last('payment_intent.processing')).toMatchObject({ status: 'processing', amount_received: 0 });
    expect(before.count('payment_intent.succeeded')).toBe(0);

    const { settleDueDebits } = await import('@/lib/checkout/async-payment-sweep');
    expect(await settleDueDebits(db, settleAt(now, 4))).toBe(0);
    expect((await state(sessionId, account.id)).session.paymentStatus).toBe('unpaid');
    // Two sweepers at once (two app processes): the debit settles once.
    const settled = await Promise.all([settleDueDebits(db, settleAt(now, 5)), settleDueDebits(db, settleAt(now, 5))]);
    expect(settled.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await settleDueDebits(db, settleAt(now, 60))).toBe(0);

    const after = await state(sessionId, account.id);
    expect(after.session).toMatchObject({ status: 'complete', paymentStatus: 'paid' });
    expect(after.intent).toMatchObject({ status: 'succeeded', amountReceived: 8000, processorState: null, lastPaymentError: null });
    expect(after.count('payment_intent.succeeded')).toBe(1);
    expect(after.last('payment_intent.succeeded')).toMatchObject({ id: after.intent.id, status: 'succeeded', amount_received: 8000 });
    expect(after.count('checkout.session.async_payment_succeeded')).toBe(1);
    expect(after.last('checkout.session.async_payment_succeeded')).toMatchObject({ id: sessionId, payment_status: 'paid' });
    expect(after.count('checkout.session.async_payment_failed')).toBe(0);
    expect(after.count('checkout.session.completed')).toBe(1);
  });

  it('a test IBAN that fails: complete and unpaid, then the intent needs a new payment method, the session stays unpaid, each event once', async () => {
    const { db, account, sessionId, now, result } = await pay('DE62370400440532013001');
    expect(result.state).toBe('complete');
    const { settleDueDebits } = await import('@/lib/checkout/async-payment-sweep');
    expect(await settleDueDebits(db, settleAt(now, 5))).toBe(1);
    expect(await settleDueDebits(db, settleAt(now, 60))).toBe(0);

    const after = await state(sessionId, account.id);
    expect(after.session).toMatchObject({ status: 'complete', paymentStatus: 'unpaid' });
    expect(after.intent).toMatchObject({ status: 'requires_payment_method', amountReceived: 0, processorState: null });
    expect(after.intent.lastPaymentError).toMatchObject({ code: 'payment_intent_payment_attempt_failed' });
    expect(after.count('payment_intent.payment_failed')).toBe(1);
    expect(after.last('payment_intent.payment_failed')).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'payment_intent_payment_attempt_failed' },
    });
    expect(after.count('checkout.session.async_payment_failed')).toBe(1);
    expect(after.last('checkout.session.async_payment_failed')).toMatchObject({
      id: sessionId,
      status: 'complete',
      payment_status: 'unpaid',
    });
    expect(after.count('payment_intent.succeeded')).toBe(0);
    expect(after.count('checkout.session.async_payment_succeeded')).toBe(0);
  });

  it('a valid IBAN that is not a test IBAN is refused in test mode, and a bad checksum is invalid; the session stays open', async () => {
    const { db, account, create } = await shopWithSession();
    const sessionId = await create();
    const { confirmPayment } = await import('@/lib/checkout/confirm-payment');
    expect(await confirmPayment(db, { sessionId, form: form('DE75512108001245126199'), clientKey: `real-${sessionId}` })).toEqual({
      state: 'invalid',
      errors: { 'sepa.iban': 'sepa.test_mode_only' },
    });
    expect(await confirmPayment(db, { sessionId, form: form('DE89370400440532013009'), clientKey: `real-${sessionId}` })).toEqual({
      state: 'invalid',
      errors: { 'sepa.iban': 'sepa.iban.invalid' },
    });
    const s = await state(sessionId, account.id);
    expect(s.session.status).toBe('open');
    expect(s.intent).toBeUndefined();
  });

  it('a session that takes only cards refuses method sepa_debit', async () => {
    const { db, create } = await shopWithSession({ payment_method_types: ['card'] });
    const sessionId = await create();
    const { confirmPayment } = await import('@/lib/checkout/confirm-payment');
    expect(await confirmPayment(db, { sessionId, form: form('DE89370400440532013000'), clientKey: `card-${sessionId}` })).toEqual({
      state: 'invalid',
      errors: { method: 'method.invalid' },
    });
  });

  it('paying by card on a session that also takes SEPA still completes paid at once', async () => {
    const { db, account, create } = await shopWithSession();
    const sessionId = await create();
    const { confirmPayment } = await import('@/lib/checkout/confirm-payment');
    const card = { number: '4242424242424242', expiry: `12 / ${(new Date().getUTCFullYear() + 3) % 100}`, cvc: '123', name: 'Jenny Rosen' };
    const result = await confirmPayment(db, { sessionId, form: { ...form(''), method: 'card', card }, clientKey: `c-${sessionId}` });
    expect(result.state).toBe('complete');
    const s = await state(sessionId, account.id);
    expect(s.session.paymentStatus).toBe('paid');
    expect(s.intent).toMatchObject({ status: 'succeeded', sepaDebit: null });
  });

  it('creating a session with sepa_debit in another currency than eur, or outside payment mode, is a 400 naming payment_method_types', async () => {
    const usd = await shopWithSession({}, 'usd');
    await expect(usd.create()).rejects.toMatchObject({ status: 400, param: 'payment_method_types' });
    const setup = await shopWithSession({ mode: 'setup', line_items: undefined, currency: 'eur' });
    await expect(setup.create()).rejects.toMatchObject({ status: 400, param: 'payment_method_types' });
    const { checkoutSessions } = await import('@/db/schema');
    const rows = await usd.db
      .select()
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.accountId, usd.account.id)));
    expect(rows).toHaveLength(0);
  });
});
