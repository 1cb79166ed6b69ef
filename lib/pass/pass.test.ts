import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findPassByEmail } from '@/db/queries/passes';
import { checkoutSessions, customers, passCodes, passes, paymentIntents, paymentMethods } from '@/db/schema';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { newSession, newShop, payForm } from '@/lib/checkout/testing/checkout-world';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { defined } from '@/e2e/support/defined';
import { deletePassByLink, passOfDeleteLink } from './delete-pass';
import { answerPassCode, requestPassCode } from './pass-codes';
import { PASS_CARD } from './pass-checkout';
import { signedInPass, signOutOfPass } from './pass-sign-in';
import { newestPassCode, passEmailCount, payAndJoinPass } from './testing/pass-world';

const db = useCheckoutDatabase('caisse_pass');
const T0 = new Date('2026-06-01T12:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let n = 0;
/** An address of this test's own: rate limits and Passes are per email, across the file. */
const freshEmail = () => `pass-${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A Pass made on merchant A's page: paid with 4242 and "save my details" ticked. */
async function joined(email = freshEmail()) {
  const shopA = await newShop(db(), { merchant: 'Shop A' });
  const sessionId = await newSession(db(), shopA, { now: T0 });
  expect((await payAndJoinPass(db(), { sessionId, email, now: T0 })).state).toBe('complete');
  return { email, shopA };
}

/** A session of a new merchant B, and a signed-in browser's token on its page. */
async function signedInOnB(email: string, client = `client-${++n}`) {
  const shopB = await newShop(db(), { merchant: 'Shop B' });
  const sessionId = await newSession(db(), shopB, { now: at(1) });
  expect(await requestPassCode(db(), { sessionId, email, clientKey: client, locale: 'en', now: at(1) })).toEqual({ state: 'sent' });
  const { code } = await newestPassCode(db(), email);
  const answer = await answerPassCode(db(), { sessionId, email, code, clientKey: client, now: at(2) });
  if (answer.state !== 'signed_in') throw new Error(`not signed in: ${JSON.stringify(answer)}`);
  return { shopB, sessionId, token: answer.token };
}

describe('joining Caisse Pass on a checkout page', () => {
  it('paid with the box ticked → a Pass of that email (lower-cased) with the card as a payment method keeps it, and no card number', async () => {
    const email = freshEmail();
    await joined(email.toUpperCase());
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
    const { email } = await joined();
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
    const { email: member } = await joined();
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

describe('signing in to a Pass with the emailed code', () => {
  it('an email without a Pass gets the same answer and no email; one with a Pass gets a sealed code, stored only as an HMAC', async () => {
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    const stranger = freshEmail();
    expect(await requestPassCode(db(), { sessionId, email: stranger, clientKey: 'a', locale: 'en', now: T0 })).toEqual({ state: 'sent' });
    expect(await passEmailCount(db(), stranger)).toBe(0);

    const { email } = await joined();
    expect(await requestPassCode(db(), { sessionId, email, clientKey: 'a', locale: 'fr', now: T0 })).toEqual({ state: 'sent' });
    const mail = await newestPassCode(db(), email);
    expect(mail.sealed).not.toContain(mail.code);
    expect(mail.subject).toBe('Votre code Caisse Pass');
    expect(mail.text).toContain('Model Shop');
    expect(mail.text).toMatch(/\/pass\/pass_[A-Za-z0-9]+\/[A-Za-z0-9_-]{32}/);
    const pass = defined(await findPassByEmail(db(), email), 'the Pass');
    const [stored] = await db().select().from(passCodes).where(eq(passCodes.passId, pass.id));
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.codeHash).not.toContain(mail.code);
  });

  it('the right code signs in once; the same code again, a code past 10 minutes, or one for an email without a Pass is "wrong"', async () => {
    const { email } = await joined();
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    await requestPassCode(db(), { sessionId, email, clientKey: 'b', locale: 'en', now: T0 });
    const { code } = await newestPassCode(db(), email);
    const mistyped = code === '000000' ? '000001' : '000000';
    expect(await answerPassCode(db(), { sessionId, email, code: mistyped, clientKey: 'b', now: at(1) })).toEqual({ state: 'wrong' });
    const first = await answerPassCode(db(), { sessionId, email, code, clientKey: 'b', now: at(1) });
    expect(first.state).toBe('signed_in');
    expect(await answerPassCode(db(), { sessionId, email, code, clientKey: 'b', now: at(1) })).toEqual({ state: 'wrong' });

    await requestPassCode(db(), { sessionId, email, clientKey: 'b', locale: 'en', now: at(2) });
    const late = (await newestPassCode(db(), email)).code;
    expect(await answerPassCode(db(), { sessionId, email, code: late, clientKey: 'b', now: at(12.01) })).toEqual({ state: 'wrong' });
    // An email without a Pass gets the answer a wrong code gets.
    expect(await answerPassCode(db(), { sessionId, email: freshEmail(), code: late, clientKey: 'b', now: at(3) })).toEqual({
      state: 'wrong',
    });
  });

  it('two right answers at once → one sign-in', async () => {
    const { email } = await joined();
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    await requestPassCode(db(), { sessionId, email, clientKey: 'c', locale: 'en', now: T0 });
    const { code } = await newestPassCode(db(), email);
    const answers = await Promise.all([1, 2, 3].map(() => answerPassCode(db(), { sessionId, email, code, clientKey: 'c', now: at(1) })));
    expect(answers.filter((a) => a.state === 'signed_in')).toHaveLength(1);
    expect(answers.filter((a) => a.state !== 'signed_in')).toEqual([{ state: 'wrong' }, { state: 'wrong' }]);
  });

  it('five wrong codes → locked: the right code no longer signs in, and no new code is sent for at least 30 minutes', async () => {
    const { email } = await joined();
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    await requestPassCode(db(), { sessionId, email, clientKey: 'd', locale: 'en', now: T0 });
    const { code } = await newestPassCode(db(), email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await answerPassCode(db(), { sessionId, email, code: wrong, clientKey: 'd', now: at(1) }));
    expect(answers.map((a) => (a.state === 'refused' ? a.reason : a.state))).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked']);
    expect(await answerPassCode(db(), { sessionId, email, code, clientKey: 'd', now: at(1) })).toEqual({
      state: 'refused',
      reason: 'locked',
    });
    const sent = await passEmailCount(db(), email);
    // Locked until the codes answered wrong are 40 minutes old (10 to answer them, then 30 locked).
    for (const minute of [20, 39])
      expect(await requestPassCode(db(), { sessionId, email, clientKey: 'd', locale: 'en', now: at(minute) })).toEqual({
        state: 'refused',
        reason: 'locked',
      });
    expect(await passEmailCount(db(), email)).toBe(sent);
    expect(await requestPassCode(db(), { sessionId, email, clientKey: 'd', locale: 'en', now: at(41) })).toEqual({ state: 'sent' });
  });

  it('a new code does not reset the count: wrong answers to any of the Pass’s codes, on any session, lock it', async () => {
    const { email } = await joined();
    const shop = await newShop(db());
    const s1 = await newSession(db(), shop, { now: T0 });
    const s2 = await newSession(db(), shop, { now: T0 });
    const wrongFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await requestPassCode(db(), { sessionId: s2, email, clientKey: 'h', locale: 'en', now: T0 });
    const onS2 = (await newestPassCode(db(), email)).code;
    await requestPassCode(db(), { sessionId: s1, email, clientKey: 'h', locale: 'en', now: T0 });
    const first = (await newestPassCode(db(), email)).code;
    for (let i = 0; i < 4; i++)
      expect(await answerPassCode(db(), { sessionId: s1, email, code: wrongFor(first), clientKey: 'h', now: at(1) })).toEqual({
        state: 'wrong',
      });
    await requestPassCode(db(), { sessionId: s1, email, clientKey: 'h', locale: 'en', now: at(2) });
    const second = (await newestPassCode(db(), email)).code;
    expect(await answerPassCode(db(), { sessionId: s1, email, code: wrongFor(second), clientKey: 'h', now: at(2) })).toEqual({
      state: 'refused',
      reason: 'locked',
    });
    // The code sent earlier to another session's page no longer signs in either.
    expect(await answerPassCode(db(), { sessionId: s2, email, code: onS2, clientKey: 'h', now: at(3) })).toEqual({
      state: 'refused',
      reason: 'locked',
    });
  });

  it('codes are rate-limited per email (3 per 10 minutes) and per client address (20 per 10 minutes)', async () => {
    const { email } = await joined();
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    const ask = (clientKey: string, who = email) => requestPassCode(db(), { sessionId, email: who, clientKey, locale: 'en', now: at(40) });
    expect([await ask('e1'), await ask('e2'), await ask('e3')]).toEqual([{ state: 'sent' }, { state: 'sent' }, { state: 'sent' }]);
    expect(await ask('e4')).toEqual({ state: 'refused', reason: 'rate_limited' });
    expect(await passEmailCount(db(), email)).toBe(3);

    const client = `sprayer-${freshEmail()}`;
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await ask(client, freshEmail())).state);
    expect(answers.slice(0, 20).every((s) => s === 'sent')).toBe(true);
    expect(answers[20]).toBe('refused');
  });

  it("X's code never signs in to Y, nor on another session's page; a sign-in token opens only its own session", async () => {
    const { email: x } = await joined();
    const { email: y } = await joined();
    const shop = await newShop(db());
    const s1 = await newSession(db(), shop, { now: T0 });
    const s2 = await newSession(db(), shop, { now: T0 });
    await requestPassCode(db(), { sessionId: s1, email: x, clientKey: 'f', locale: 'en', now: T0 });
    await requestPassCode(db(), { sessionId: s1, email: y, clientKey: 'f', locale: 'en', now: T0 });
    const xCode = (await newestPassCode(db(), x)).code;
    const yCode = (await newestPassCode(db(), y)).code;
    if (xCode !== yCode)
      expect(await answerPassCode(db(), { sessionId: s1, email: y, code: xCode, clientKey: 'f', now: at(1) })).toEqual({
        state: 'wrong',
      });
    expect(await answerPassCode(db(), { sessionId: s2, email: x, code: xCode, clientKey: 'f', now: at(1) })).toEqual({ state: 'wrong' });
    const signedIn = await answerPassCode(db(), { sessionId: s1, email: x, code: xCode, clientKey: 'f', now: at(1) });
    if (signedIn.state !== 'signed_in') throw new Error('not signed in');
    expect((await signedInPass(db(), { sessionId: s1, token: signedIn.token, now: at(2) }))?.email).toBe(x);
    expect(await signedInPass(db(), { sessionId: s2, token: signedIn.token, now: at(2) })).toBeNull();
    expect(await signedInPass(db(), { sessionId: s1, token: signedIn.token, now: at(40) })).toBeNull();
    // Signing out forgets the sign-in at once.
    await signOutOfPass(db(), signedIn.token);
    expect(await signedInPass(db(), { sessionId: s1, token: signedIn.token, now: at(2) })).toBeNull();
  });
});

describe('paying with a Pass on another merchant', () => {
  it("merchant B's session is paid with the Pass's card in one click; B gets a card payment method of its own and nothing else of the Pass", async () => {
    const { email, shopA } = await joined();
    const { shopB, sessionId, token } = await signedInOnB(email);
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
    const { email } = await joined();
    const { shopB, sessionId, token } = await signedInOnB(email);
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
    const { email } = await joined();
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
