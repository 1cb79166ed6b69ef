import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db, Queryable } from '@/db/client';
import { getAccount } from '@/db/queries/accounts';
import { findSessionById } from '@/db/queries/public-session';
import {
  countWrongPassCode,
  findPassByEmail,
  latestPassCode,
  lockPass,
  passFailuresSince,
  replacePassCode,
  spendPassCode,
  type PassCodeRow,
} from '@/db/queries/passes';
import type { MessageLocale } from '@/i18n/locales';
import { merchantIdentity } from '@/lib/checkout/page-view';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { secretKey, secretKeys } from '@/lib/security/secret-keys';
import { newId } from '@/lib/util/ids';
import { passOffered } from './pass-checkout';
import { queuePassCodeEmail } from './pass-email';
import {
  normalizePassEmail,
  PASS_CLIENT_LIMIT,
  PASS_CODE_MAX_ATTEMPTS,
  PASS_CODE_MINUTES,
  PASS_EMAIL_LIMIT,
  PASS_LOCK_MINUTES,
} from './pass-rules';
import { signInToPass } from './pass-sign-in';

/**
 * Signing in to a Pass on a checkout page: a six-digit code sent to the Pass's email, bound to the Pass and
 * to this session, single-use, expiring after 10 minutes, locked after 5 wrong answers, and stored only as an
 * HMAC under a key outside the database (a dump of the table cannot be searched for the code).
 */
export type PassCodeRequest = { state: 'sent' } | { state: 'refused'; reason: 'rate_limited' | 'locked' | 'invalid_email' | 'unavailable' };
/**
 * `wrong` is every code that does not sign in — mistyped, expired, spent, or sent to no Pass at all — so the
 * answer does not tell whether an email has a Pass.
 */
export type PassCodeAnswer =
  { state: 'signed_in'; token: string } | { state: 'wrong' } | { state: 'refused'; reason: 'rate_limited' | 'locked' | 'unavailable' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const codeHash = (key: Buffer, passId: string, sessionId: string, code: string) =>
  createHmac('sha256', key).update(`${passId}:${sessionId}:${code}`).digest('hex');

function codeMatches(row: PassCodeRow, code: string): boolean {
  const stored = Buffer.from(row.codeHash, 'hex');
  return secretKeys('pass-codes').some((key) => {
    const given = Buffer.from(codeHash(key, row.passId, row.checkoutSessionId, code), 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  });
}

async function openSession(db: Db, sessionId: string) {
  const session = await findSessionById(db, sessionId);
  return session?.status === 'open' && passOffered(session) ? session : null;
}

const WRONG = { state: 'wrong' } as const;
const LOCKED = { state: 'refused', reason: 'locked' } as const;

/** Whether the Pass's wrong answers of late have locked it. */
async function passLocked(db: Queryable, passId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - (PASS_CODE_MINUTES + PASS_LOCK_MINUTES) * 60_000);
  return (await passFailuresSince(db, { passId, since })) >= PASS_CODE_MAX_ATTEMPTS;
}

const clientAllowed = (db: Db, clientKey: string, now: Date) =>
  hitRateLimit(db, {
    key: `pass:client:${clientKey}`,
    limit: PASS_CLIENT_LIMIT.tries,
    windowSeconds: PASS_CLIENT_LIMIT.windowSeconds,
    now,
  });

/**
 * Sends a code to the Pass of `email`, if there is one. The answer is the same whether there is or not, so
 * the page does not tell who has a Pass; only a Pass locked by wrong answers says so.
 */
export async function requestPassCode(
  db: Db,
  p: { sessionId: string; email: string; clientKey: string; locale: MessageLocale; now?: Date },
): Promise<PassCodeRequest> {
  const now = p.now ?? new Date();
  const session = await openSession(db, p.sessionId);
  if (!session) return { state: 'refused', reason: 'unavailable' };
  const email = normalizePassEmail(p.email);
  if (!EMAIL.test(email) || email.length > 320) return { state: 'refused', reason: 'invalid_email' };
  if (!(await clientAllowed(db, p.clientKey, now))) return { state: 'refused', reason: 'rate_limited' };
  const perEmail = { key: `pass:email:${email}`, limit: PASS_EMAIL_LIMIT.codes, windowSeconds: PASS_EMAIL_LIMIT.windowSeconds, now };
  if (!(await hitRateLimit(db, perEmail))) return { state: 'refused', reason: 'rate_limited' };
  const pass = await findPassByEmail(db, email);
  if (!pass) return { state: 'sent' };
  if (await passLocked(db, pass.id, now)) return LOCKED;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const merchantName = merchantIdentity(await getAccount(db, session.accountId), session.brandingSettings).name;
  await db.transaction(async (tx) => {
    await replacePassCode(tx, {
      id: newId('pc'),
      passId: pass.id,
      checkoutSessionId: session.id,
      codeHash: codeHash(secretKey('pass-codes'), pass.id, session.id, code),
      expiresAt: new Date(now.getTime() + PASS_CODE_MINUTES * 60_000),
      now,
    });
    await queuePassCodeEmail(tx, { to: pass.email, code, passId: pass.id, merchantName, locale: p.locale });
  });
  return { state: 'sent' };
}

/** A code still waiting for its answer: the newest sent, unspent, unexpired. */
const live = (row: PassCodeRow | null, now: Date): row is PassCodeRow =>
  row !== null && row.usedAt === null && row.expiresAt > now && row.failedAttempts < PASS_CODE_MAX_ATTEMPTS;

/**
 * Checks the code typed for `email` on this session's page; right, it signs the browser in (a token for its
 * cookie). Answers to one Pass are taken one at a time (its row locked), so its wrong answers, counted across
 * all its codes, never pass the lock, and of two right answers at once one signs in.
 */
export async function answerPassCode(
  db: Db,
  p: { sessionId: string; email: string; code: string; clientKey: string; now?: Date },
): Promise<PassCodeAnswer> {
  const now = p.now ?? new Date();
  const session = await openSession(db, p.sessionId);
  if (!session) return { state: 'refused', reason: 'unavailable' };
  if (!(await clientAllowed(db, p.clientKey, now))) return { state: 'refused', reason: 'rate_limited' };
  const pass = await findPassByEmail(db, normalizePassEmail(p.email));
  if (!pass) return WRONG;
  return db.transaction(async (tx): Promise<PassCodeAnswer> => {
    await lockPass(tx, pass.id);
    if (await passLocked(tx, pass.id, now)) return LOCKED;
    const row = await latestPassCode(tx, { passId: pass.id, checkoutSessionId: session.id });
    if (!live(row, now)) return WRONG;
    const code = p.code.replace(/\s/g, '');
    const target = { id: row.id, maxAttempts: PASS_CODE_MAX_ATTEMPTS, now };
    if (/^\d{6}$/.test(code) && codeMatches(row, code)) {
      if (!(await spendPassCode(tx, target))) return WRONG;
      return { state: 'signed_in', token: await signInToPass(tx, { passId: pass.id, sessionId: session.id, now }) };
    }
    await countWrongPassCode(tx, target);
    return (await passLocked(tx, pass.id, now)) ? LOCKED : WRONG;
  });
}
