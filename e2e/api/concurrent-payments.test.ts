import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargeRequest, PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { useOwnDatabase } from '../support/own-database';

// Drives lib/checkout directly on a database of its own: twenty submits of one session race for real.
let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_race');
});
afterAll(() => dropDatabase());

describe('paying one session from many tabs at once', () => {
  it('twenty concurrent submits → one charge, one payment intent, one completed event', async () => {
    const { getDb } = await import('@/db/client');
    const { createAccount } = await import('@/lib/accounts/create-account');
    const { createSession } = await import('@/lib/checkout/create-session');
    const { confirmPayment } = await import('@/lib/checkout/confirm-payment');
    const { events, paymentIntents, prices, products, checkoutSessions } = await import('@/db/schema');
    const db = await getDb();
    const account = await createAccount(db, { name: 'Race Shop' });
    await db.insert(products).values({ id: 'prod_race', accountId: account.id, name: 'Ticket' });
    await db.insert(prices).values({
      id: 'price_race',
      accountId: account.id,
      productId: 'prod_race',
      currency: 'usd',
      unitAmount: 2500,
      unitAmountDecimal: '2500',
      type: 'one_time',
    });
    const sessionId = await createSession(
      db,
      { accountId: account.id },
      { mode: 'payment', line_items: [{ price: 'price_race', quantity: 1 }], success_url: 'https://shop.example/ok' },
    );

    const charges: ChargeRequest[] = [];
    const counting: PaymentProcessor = { ...testProcessor, charge: (req) => (charges.push(req), testProcessor.charge(req)) };
    const form = {
      email: 'race@example.com',
      card: { number: '4242424242424242', expiry: '12 / 40', cvc: '123', name: 'Ra Ce' },
      billing: { country: 'FR', postal_code: '75001' },
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => confirmPayment(db, { sessionId, form, clientKey: `tab-${i}`, processor: counting })),
    );

    expect(charges).toHaveLength(1);
    const states = results.map((r) => (r.state === 'refused' ? `refused:${r.reason}` : r.state));
    expect(states.filter((s) => s === 'complete').length).toBeGreaterThanOrEqual(1);
    expect(states.every((s) => s === 'complete' || s === 'refused:in_progress')).toBe(true);
    const intents = await db.select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, sessionId));
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ status: 'succeeded', amount: 2500, amountReceived: 2500 });
    const [session] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId));
    expect(session).toMatchObject({ status: 'complete', paymentStatus: 'paid', paymentIntentId: intents[0].id });
    const completed = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, 'checkout.session.completed')));
    expect(completed).toHaveLength(1);
    // Card data never reaches the database: only brand, last4, expiry and a fingerprint.
    expect(JSON.stringify(intents[0].card)).not.toContain('4242424242424242');
    expect(intents[0].card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2040 });
  });
});
