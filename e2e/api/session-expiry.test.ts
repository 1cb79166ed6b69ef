import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../support/own-database';
import { defined } from '../support/defined';

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_expiry');
});
afterAll(() => dropDatabase());

async function shopWithSession(extra: Record<string, unknown> = {}) {
  const { getDb } = await import('@/db/client');
  const { createAccount } = await import('@/lib/accounts/create-account');
  const { createSession } = await import('@/lib/checkout/create-session');
  const { prices, products } = await import('@/db/schema');
  const db = await getDb();
  const account = await createAccount(db, { name: 'Expiry Shop' });
  const suffix = account.id.slice(5);
  await db.insert(products).values({ id: `prod_${suffix}`, accountId: account.id, name: 'Lamp' });
  await db.insert(prices).values({
    id: `price_${suffix}`,
    accountId: account.id,
    productId: `prod_${suffix}`,
    currency: 'eur',
    unitAmount: 4000,
    unitAmountDecimal: '4000',
    type: 'one_time',
  });
  // Created two hours ago with the shortest lifetime: it is already past expires_at.
  const then = new Date(Date.now() - 2 * 3600_000);
  const sessionId = await createSession(
    db,
    { accountId: account.id },
    {
      mode: 'payment',
      line_items: [{ price: `price_${suffix}`, quantity: 2 }],
      success_url: 'https://shop.example/ok',
      expires_at: Math.floor(then.getTime() / 1000) + 1800,
      ...extra,
    },
    then,
  );
  return { db, account, sessionId };
}

describe('sessions past expires_at', () => {
  it('the sweep expires each one once, with one checkout.session.expired event, even with two sweepers', async () => {
    const { db, account, sessionId } = await shopWithSession();
    const { sweepExpiredSessions } = await import('@/lib/checkout/expiry-sweep');
    const { checkoutSessions, events } = await import('@/db/schema');
    const swept = await Promise.all([sweepExpiredSessions(db), sweepExpiredSessions(db)]);
    expect(swept.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sweepExpiredSessions(db)).toBe(0);
    const [row] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId));
    expect(row.status).toBe('expired');
    const expired = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, 'checkout.session.expired')));
    expect(expired).toHaveLength(1);
    expect(expired[0].data.object).toMatchObject({ id: sessionId, status: 'expired', url: null });
  });

  it('reading an expired-but-open session expires it then, once', async () => {
    const { db, account, sessionId } = await shopWithSession();
    const { expireIfDue } = await import('@/lib/checkout/expire-if-due');
    const { findSessionById } = await import('@/db/queries/public-session');
    const { events } = await import('@/db/schema');
    const found = defined(await findSessionById(db, sessionId), 'findSessionById(db, sessionId)');
    expect(found.status).toBe('open');
    expect((await expireIfDue(db, found)).status).toBe('expired');
    expect((await expireIfDue(db, found)).status).toBe('expired');
    const expired = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, 'checkout.session.expired')));
    expect(expired).toHaveLength(1);
  });

  it('the recovery link makes one new open session with the same items, recovered_from set', async () => {
    const { db, sessionId } = await shopWithSession({ after_expiration: { recovery: { enabled: true, allow_promotion_codes: true } } });
    const { sweepExpiredSessions } = await import('@/lib/checkout/expiry-sweep');
    const { recoverSession } = await import('@/lib/checkout/recover-session');
    const { sessionLineItems } = await import('@/db/queries/checkout-sessions');
    const { findSessionById } = await import('@/db/queries/public-session');
    await sweepExpiredSessions(db);
    const expired = defined(await findSessionById(db, sessionId), 'findSessionById(db, sessionId)');
    expect(expired.afterExpiration).toMatchObject({
      recovery: { enabled: true, url: expect.stringMatching(new RegExp(`/c/${sessionId}/recover$`)) as unknown },
    });

    const recovered = await recoverSession(db, sessionId);
    if (!('id' in recovered)) throw new Error(`not recovered: ${recovered.refused}`);
    const fresh = defined(await findSessionById(db, recovered.id), 'findSessionById(db, recovered.id)');
    expect(fresh).toMatchObject({
      status: 'open',
      recoveredFrom: sessionId,
      allowPromotionCodes: true,
      amountTotal: 8000,
      customerDetails: null,
    });
    expect(fresh.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const lines = await sessionLineItems(db, { accountId: fresh.accountId, sessionId: fresh.id });
    expect(lines.map((l) => [l.line.quantity, l.line.amountTotal])).toEqual([[2, 8000]]);
    expect(await recoverSession(db, sessionId)).toEqual({ id: recovered.id });
  });

  it('a recovery whose cart would cost more than can be charged is refused and makes no session (was a 500)', async () => {
    const { db, account, sessionId } = await shopWithSession({ after_expiration: { recovery: { enabled: true } } });
    const { sweepExpiredSessions } = await import('@/lib/checkout/expiry-sweep');
    const { recoverSession } = await import('@/lib/checkout/recover-session');
    const { checkoutSessions, prices } = await import('@/db/schema');
    // A price stored before amounts were limited: 2 × €2,000,000.00 is above €999,999.99.
    await db.update(prices).set({ unitAmount: 200_000_000, unitAmountDecimal: '200000000' }).where(eq(prices.accountId, account.id));
    await sweepExpiredSessions(db);
    expect(await recoverSession(db, sessionId)).toEqual({ refused: 'not_recoverable' });
    expect(
      await db.select({ id: checkoutSessions.id }).from(checkoutSessions).where(eq(checkoutSessions.recoveredFrom, sessionId)),
    ).toEqual([]);
  });

  it('a session without recovery, or still open, cannot be recovered', async () => {
    const { db, sessionId } = await shopWithSession();
    const { recoverSession } = await import('@/lib/checkout/recover-session');
    expect(await recoverSession(db, sessionId)).toEqual({ refused: 'not_recoverable' });
    expect(await recoverSession(db, 'cs_test_doesnotexist00000000000000')).toEqual({ refused: 'not_found' });
  });
});

describe('housekeeping', () => {
  it('forgets idempotency keys after 48 hours and rate-limit windows after a day, and keeps the rest', async () => {
    const { getDb } = await import('@/db/client');
    const { housekeeping } = await import('@/lib/checkout/expiry-sweep');
    const { idempotencyKeys, rateLimits } = await import('@/db/schema');
    const db = await getDb();
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    await db.insert(idempotencyKeys).values([
      { accountId: 'acct_hk', key: 'old', requestHash: 'x', createdAt: hoursAgo(49) },
      { accountId: 'acct_hk', key: 'recent', requestHash: 'x', createdAt: hoursAgo(25) },
    ]);
    await db.insert(rateLimits).values([
      { key: 'hk:old', windowStart: hoursAgo(25), count: 3 },
      { key: 'hk:recent', windowStart: hoursAgo(1), count: 3 },
    ]);
    await housekeeping(db, now);
    expect(
      (await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((r) => r.key).filter((k) => k === 'old' || k === 'recent'),
    ).toEqual(['recent']);
    expect((await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).filter((k) => k.startsWith('hk:'))).toEqual([
      'hk:recent',
    ]);
  });
});
