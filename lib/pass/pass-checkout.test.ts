import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findPassByEmail } from '@/db/queries/passes';
import { checkoutSessions, customers, passCodes, passes, paymentIntents, paymentMethods } from '@/db/schema';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { newSession, newShop, payForm } from '@/lib/checkout/testing/checkout-world';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { defined } from '@/e2e/support/defined';
import { deletePassByLink, passOfDeleteLink } from './delete-pass';
import { requestPassCode } from './pass-codes';
import { PASS_CARD } from './pass-checkout';
import { at, freshEmail, joined, newestPassCode, passEmailCount, payAndJoinPass, signedInOnB, T0 } from './testing/pass-world';

// Caisse Pass on the checkout page: joining, paying on another merchant, deleting (signing in: pass-codes.test.ts).
const db = useCheckoutDatabase('caisse_pass');

describe('joining Caisse Pass on a checkout page', () => {
  it('paid with the box ticked → a Pass of that email (lower-cased) with the card as a payment method keeps it, and no card number', async () => {
    const email = freshEmail();
    await joined(db(), email.toUpperCase());
    const pass = await findPassByEmail(db(), email);
    expect(pass).toMatchObject({
      email,
      phone: '+33 6 12 34 56 78',
      card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2040 },
    });
    expect(Object.keys(defined(pass, 'the Pass').card).sort()).toEqual([
      'brand',
      'country',
      'exp_month',
      'exp_year',
      'fingerprint',
      'funding',
      'last4',
      'three_d_secure',
    ]);
    expect(JSON.stringify(pass)).not.toContain('4242424242424242');
  });

  it('without the box, or with a declined card → no Pass; ticked without a phone → the form says so and nothing is charged', async () => {
    const shop = await newShop(db());
    const plain = freshEmail();
    const s1 = await newSession(db(), shop, { now: T0 });
    expect((await confirmPayment(db(), { sessionId: s1, form: payForm('ok', plain), clientKey: 'k', now: T0 })).state).toBe('complete');
    expect(await findPassByEmail(db(), plain)).toBeNull();

    const declined = freshEmail();
    const s2 = await newSession(db(), shop, { now: T0 });
    expect((await payAndJoinPass(db(), { sessionId: s2, email: declined, now: T0, card: 'declined' })).state).toBe('declined');
    expect(await findPassByEmail(db(), declined)).toBeNull();

    const noPhone = freshEmail();
    const s3 = await newSession(db(), shop, { now: T0 });
    const r = await confirmPayment(db(), {
      sessionId: s3,
      form: { ...payForm('ok', noPhone), pass_opt_in: 'true' },
      clientKey: 'k',
      now: T0,
    });
    expect(r).toEqual({ state: 'invalid', errors: { pass_phone: 'phone.invalid' } });
    expect(await db().select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, s3))).toEqual([]);
  });

  it("an email that has a Pass keeps its own: joining again from someone else's card changes nothing", async () => {
    const { email } = await joined(db());
    const before = await findPassByEmail(db(), email);
    const shop = await newShop(db());
    const s = await newSession(db(), shop, { now: T0 });
    expect((await payAndJoinPass(db(), { sessionId: s, email, now: T0, card: '5555555555554444' })).state).toBe('complete');
    expect(await findPassByEmail(db(), email)).toEqual(before);
  });

  it('wallet_options.link.display=never → the page offers no Pass: the box is ignored and no code is sent', async () => {
    const email = freshEmail();
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    await db()
      .update(checkoutSessions)
      .set({ walletOptions: { link: { display: 'never' } } })
      .where(eq(checkoutSessions.id, sessionId));
    expect((await payAndJoinPass(db(), { sessionId, email, now: T0 })).state).toBe('complete');
    expect(await findPassByEmail(db(), email)).toBeNull();
    const { email: member } = await joined(db());
    const other = await newSession(db(), shop, { now: T0 });
    await db()
      .update(checkoutSessions)
      .set({ walletOptions: { link: { display: 'never' } } })
      .where(eq(checkoutSessions.id, other));
    expect(await requestPassCode(db(), { sessionId: other, email: member, clientKey: 'x', locale: 'en', now: T0 })).toEqual({
      state: 'refused',
      reason: 'unavailable',
    });
    expect(await passEmailCount(db(), member)).toBe(0);
  });
});

describe('paying with a Pass on another merchant', () => {
  it("merchant B's session is paid with the Pass's card in one click; B gets a card payment method of its own and nothing else of the Pass", async () => {
    const { email, shopA } = await joined(db());
    const { shopB, sessionId, token } = await signedInOnB(db(), email);
    const r = await confirmPayment(db(), {
      sessionId,
      form: { email, saved_card: PASS_CARD, billing: { country: 'FR' } },
      clientKey: 'pay',
      passToken: token,
      now: at(3),
    });
    expect(r.state).toBe('complete');
    const methodsOfB = await db().select().from(paymentMethods).where(eq(paymentMethods.accountId, shopB.accountId));
    expect(methodsOfB).toHaveLength(1);
    expect(methodsOfB[0]).toMatchObject({ type: 'card', customerId: null, consumed: true, card: { brand: 'visa', last4: '4242' } });
    const [intent] = await db().select().from(paymentIntents).where(eq(paymentIntents.checkoutSessionId, sessionId));
    expect(intent).toMatchObject({ status: 'succeeded', amountReceived: 2500, paymentMethodId: methodsOfB[0].id });
    // What B knows is what this session collected: no customer is made (customer_creation=if_required), none of A's.
    const [session] = await db().select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId));
    expect(session.customerDetails).toMatchObject({ email });
    expect(await db().select().from(customers).where(eq(customers.accountId, shopB.accountId))).toEqual([]);
    expect(JSON.stringify(session)).not.toContain(shopA.accountId);
  });

  it("without a live sign-in (none, another session's, signed out) the Pass card is refused and nothing is charged", async () => {
    const { email } = await joined(db());
    const { shopB, sessionId, token } = await signedInOnB(db(), email);
    const other = await newSession(db(), shopB, { now: at(1) });
    const form = { email, saved_card: PASS_CARD, billing: { country: 'FR' } };
    for (const [id, passToken] of [
      [sessionId, null],
      [other, token],
      [sessionId, 'forged-token'],
    ] as const) {
      const r = await confirmPayment(db(), { sessionId: id, form, clientKey: 'pay', passToken, now: at(3) });
      // With no card to offer the form has no "saved card" choice at all: either way, it is refused.
      expect(r.state).toBe('invalid');
    }
    expect(await db().select().from(paymentMethods).where(eq(paymentMethods.accountId, shopB.accountId))).toEqual([]);
  });
});

describe('deleting a Pass from the link in its emails', () => {
  it('the signed link deletes the Pass and its codes; a forged or altered signature opens nothing', async () => {
    const { email } = await joined(db());
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    await requestPassCode(db(), { sessionId, email, clientKey: 'g', locale: 'en', now: T0 });
    const { text } = await newestPassCode(db(), email);
    const [, passId, signature] = defined(/\/pass\/(pass_[A-Za-z0-9]+)\/([A-Za-z0-9_-]{32})/.exec(text), 'the delete link');
    const forged = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(await passOfDeleteLink(db(), { passId, signature: forged })).toBeNull();
    expect(await deletePassByLink(db(), { passId, signature: forged })).toBe(false);
    expect((await passOfDeleteLink(db(), { passId, signature }))?.email).toBe(email);
    expect(await deletePassByLink(db(), { passId, signature })).toBe(true);
    expect(await db().select().from(passes).where(eq(passes.id, passId))).toEqual([]);
    expect(await db().select().from(passCodes).where(eq(passCodes.passId, passId))).toEqual([]);
    expect(await requestPassCode(db(), { sessionId, email, clientKey: 'g', locale: 'en', now: at(1) })).toEqual({ state: 'sent' });
    expect(await passEmailCount(db(), email)).toBe(1);
  });
});
