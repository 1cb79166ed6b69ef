import 'server-only';
import { createHash } from 'node:crypto';
import { isAPIError } from 'better-auth/api';
import { getDb } from '@/db/client';
import { findDashboardUserByEmail } from '@/db/queries/dashboard-users';
import type { DashboardLocale } from '@/i18n/dashboard';
import { clientKeyFrom } from '@/lib/security/client-key';
import { hitRateLimit } from '@/lib/security/rate-limit';
import type { SignInInput } from '@/lib/validation/dashboard-auth';
import { queueAccountEmail } from './account-emails';
import { getAuth } from './auth';
import { consumeLink, issueLink } from './email-links';
import type { AuthOutcome } from './outcome';
import { openAttempt } from './sign-in-throttle';

/** Email and password, throttled per email and client and per client (lib/auth/sign-in-throttle.ts). */
export async function signIn(input: SignInInput, headers: Headers): Promise<AuthOutcome> {
  const db = await getDb();
  const attempt = await openAttempt(db, { email: input.email, client: clientKeyFrom(headers) });
  if (attempt.gate === 'client_blocked') return { ok: false, error: 'rate_limited' };
  if (attempt.gate === 'link_required') return { ok: false, error: 'link_required' };
  try {
    await (await getAuth()).api.signInEmail({ body: { email: input.email, password: input.password }, headers });
  } catch (err) {
    if (isAPIError(err) && err.status === 'UNAUTHORIZED') return { ok: false, error: 'invalid_credentials' };
    throw err;
  }
  await attempt.succeeded();
  return { ok: true };
}

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

// Each link is an email sent on the asker's behalf: a client may ask for 10 an hour, and an address
// receives at most 5 an hour whoever asks (the links already sent keep working).
const LINKS_PER_CLIENT = { limit: 10, windowSeconds: 3600 };
const LINKS_PER_EMAIL = { limit: 5, windowSeconds: 3600 };

/** Whether one more email may go to `email` for this client; counted whether the address has an account or not. */
export async function mayEmail(email: string, headers: Headers): Promise<boolean> {
  const db = await getDb();
  const client = await hitRateLimit(db, { key: `dashboard-email-client:${digest(clientKeyFrom(headers))}`, ...LINKS_PER_CLIENT });
  const address = await hitRateLimit(db, { key: `dashboard-email-to:${digest(email)}`, ...LINKS_PER_EMAIL });
  return client && address;
}

/**
 * Emails a one-time sign-in link to the address if it has an account. The answer is the same
 * either way: the form never says whether an email is known.
 */
export async function requestSignInLink(email: string, headers: Headers, locale: DashboardLocale): Promise<AuthOutcome> {
  if (!(await mayEmail(email, headers))) return { ok: false, error: 'rate_limited' };
  const db = await getDb();
  if (await findDashboardUserByEmail(db, email))
    await queueAccountEmail(db, { kind: 'sign_in_link', to: email, url: await issueLink('sign-in', { email }) }, locale);
  return { ok: true };
}

/** Uses a sign-in link: signs its address's user in (the cookie is set through next/headers). */
export async function signInWithLink(token: string, headers: Headers): Promise<AuthOutcome> {
  const record = await consumeLink('sign-in', token);
  const user = record && (await findDashboardUserByEmail(await getDb(), record.email));
  if (!user) return { ok: false, error: 'link_invalid' };
  await (await getAuth()).api.signInLinkedUser({ body: { userId: user.id }, headers });
  return { ok: true };
}

export async function signOut(headers: Headers): Promise<void> {
  await (await getAuth()).api.signOut({ headers });
}
