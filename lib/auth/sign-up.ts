import 'server-only';
import { getDb } from '@/db/client';
import { findDashboardUserByEmail } from '@/db/queries/dashboard-users';
import type { DashboardLocale } from '@/i18n/dashboard';
import { createAccount } from '@/lib/accounts/create-account';
import { isUniqueViolation } from '@/lib/util/pg-errors';
import type { FinishSignUpInput, SignUpInput } from '@/lib/validation/dashboard-auth';
import { queueAccountEmail } from './account-emails';
import { getAuth } from './auth';
import { hashPassword } from './password-hash';
import { consumeLink, issueLink, peekLink } from './email-links';
import type { AuthOutcome } from './outcome';
import { mayEmail } from './sign-in';

/**
 * Sign-up answers "check your email" whether the address is new or already has an account, so the
 * form never tells which emails exist. A new address gets a link that finishes the account; a known
 * one gets an email saying it already has one, with a one-time sign-in link.
 */
export async function startSignUp(input: SignUpInput, headers: Headers, locale: DashboardLocale): Promise<AuthOutcome> {
  if (!(await mayEmail(input.email, headers))) return { ok: false, error: 'rate_limited' };
  const db = await getDb();
  const existing = await findDashboardUserByEmail(db, input.email);
  if (existing) {
    await queueAccountEmail(
      db,
      { kind: 'account_exists', to: input.email, url: await issueLink('sign-in', { email: input.email }) },
      locale,
    );
  } else {
    const url = await issueLink('sign-up', { email: input.email, businessName: input.businessName });
    await queueAccountEmail(db, { kind: 'sign_up_link', to: input.email, url, businessName: input.businessName }, locale);
  }
  return { ok: true };
}

/**
 * The sign-up link, used: the owner (with the password chosen now, their address proven by the link)
 * and their merchant account are created together, and they are signed in.
 */
export async function finishSignUp(input: FinishSignUpInput, headers: Headers): Promise<AuthOutcome> {
  // A link that does not work costs no password hashing; one that does is used only once the hash is ready.
  if (!(await peekLink('sign-up', input.token))) return { ok: false, error: 'link_invalid' };
  const passwordHash = await hashPassword(input.password);
  const record = await consumeLink('sign-up', input.token);
  if (!record?.businessName) return { ok: false, error: 'link_invalid' };
  const db = await getDb();
  let userId: string;
  try {
    const created = await createAccount(db, {
      name: record.businessName,
      owner: { email: record.email, name: record.businessName, passwordHash, emailVerified: true },
    });
    if (!created.ownerUserId) throw new Error('createAccount made no owner for a finished sign-up');
    userId = created.ownerUserId;
  } catch (err) {
    // The address got an account since the link was sent (another sign-up link): this one is spent.
    if (isUniqueViolation(err)) return { ok: false, error: 'link_invalid' };
    throw err;
  }
  await (await getAuth()).api.signInLinkedUser({ body: { userId }, headers });
  return { ok: true };
}
