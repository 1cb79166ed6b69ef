import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findPassByEmail } from '@/db/queries/passes';
import { passCodes } from '@/db/schema';
import { newSession, newShop } from '@/lib/checkout/testing/checkout-world';
import { useCheckoutDatabase } from '@/lib/checkout/testing/checkout-db';
import { defined } from '@/e2e/support/defined';
import { answerPassCode, requestPassCode } from './pass-codes';
import { signedInPass, signOutOfPass } from './pass-sign-in';
import { at, freshEmail, joined, newestPassCode, passEmailCount, T0 } from './testing/pass-world';

// Signing in to a Pass with the emailed code: sending, single use, expiry, the lock, rate limits, binding.
const db = useCheckoutDatabase('caisse_pass_codes');

describe('signing in to a Pass with the emailed code', () => {
  it('an email without a Pass gets the same answer and no email; one with a Pass gets a sealed code, stored only as an HMAC', async () => {
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    const stranger = freshEmail();
    expect(await requestPassCode(db(), { sessionId, email: stranger, clientKey: 'a', locale: 'en', now: T0 })).toEqual({ state: 'sent' });
    expect(await passEmailCount(db(), stranger)).toBe(0);

    const { email } = await joined(db());
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
    const { email } = await joined(db());
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
    const { email } = await joined(db());
    const shop = await newShop(db());
    const sessionId = await newSession(db(), shop, { now: T0 });
    await requestPassCode(db(), { sessionId, email, clientKey: 'c', locale: 'en', now: T0 });
    const { code } = await newestPassCode(db(), email);
    const answers = await Promise.all([1, 2, 3].map(() => answerPassCode(db(), { sessionId, email, code, clientKey: 'c', now: at(1) })));
    expect(answers.filter((a) => a.state === 'signed_in')).toHaveLength(1);
    expect(answers.filter((a) => a.state !== 'signed_in')).toEqual([{ state: 'wrong' }, { state: 'wrong' }]);
  });

  it('five wrong codes → locked: the right code no longer signs in, and no new code is sent for at least 30 minutes', async () => {
    const { email } = await joined(db());
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
    const { email } = await joined(db());
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
    const { email } = await joined(db());
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
    const { email: x } = await joined(db());
    const { email: y } = await joined(db());
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
