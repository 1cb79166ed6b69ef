import { and, desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { emails } from '@/db/schema';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { newSession, newShop, payForm } from '@/lib/checkout/testing/checkout-world';
import { answerPassCode, requestPassCode } from '../pass-codes';
import { unseal } from '@/lib/security/secret-keys';

/** Pays a session with a new card, ticking "Save my details with Caisse Pass". */
export function payAndJoinPass(db: Db, p: { sessionId: string; email: string; now: Date; card?: string }) {
  return confirmPayment(db, {
    sessionId: p.sessionId,
    form: { ...payForm(p.card ?? 'ok', p.email), pass_opt_in: 'true', pass_phone: '+33 6 12 34 56 78' },
    clientKey: 'joiner',
    now: p.now,
  });
}

/** The code in the newest Pass email to `to`, read as the mail sender reads it (the outbox holds it sealed). */
export async function newestPassCode(db: Db, to: string): Promise<{ code: string; text: string; sealed: string; subject: string }> {
  const row = (
    await db
      .select({ text: emails.text, subject: emails.subject })
      .from(emails)
      .where(and(eq(emails.to, to), eq(emails.kind, 'pass_code')))
      .orderBy(desc(emails.createdAt))
      .limit(1)
  ).at(0);
  if (!row) throw new Error(`no Pass email to ${to}`);
  const text = unseal(row.text, 'sign-in-links');
  const code = /^\d{6}$/m.exec(text)?.[0];
  if (!code) throw new Error(`no code in the Pass email to ${to}`);
  return { code, text, sealed: row.text, subject: row.subject };
}

/** How many Pass emails went to `to`. */
export async function passEmailCount(db: Db, to: string): Promise<number> {
  return (
    await db
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.to, to), eq(emails.kind, 'pass_code')))
  ).length;
}

export const T0 = new Date('2026-06-01T12:00:00Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let n = 0;
/** An address of the test's own: rate limits and Passes are per email, across a file. */
export const freshEmail = () => `pass-${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A Pass made on merchant A's page: paid with 4242 and "save my details" ticked. */
export async function joined(db: Db, email = freshEmail()) {
  const shopA = await newShop(db, { merchant: 'Shop A' });
  const sessionId = await newSession(db, shopA, { now: T0 });
  expect((await payAndJoinPass(db, { sessionId, email, now: T0 })).state).toBe('complete');
  return { email, shopA };
}

/** A session of a new merchant B, and a signed-in browser's token on its page. */
export async function signedInOnB(db: Db, email: string, client = `client-${++n}`) {
  const shopB = await newShop(db, { merchant: 'Shop B' });
  const sessionId = await newSession(db, shopB, { now: at(1) });
  expect(await requestPassCode(db, { sessionId, email, clientKey: client, locale: 'en', now: at(1) })).toEqual({ state: 'sent' });
  const { code } = await newestPassCode(db, email);
  const answer = await answerPassCode(db, { sessionId, email, code, clientKey: client, now: at(2) });
  if (answer.state !== 'signed_in') throw new Error(`not signed in: ${JSON.stringify(answer)}`);
  return { shopB, sessionId, token: answer.token };
}
