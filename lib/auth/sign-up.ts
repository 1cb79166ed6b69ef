import 'server-only';
import { eq } from 'drizzle-orm';
import { isAPIError } from 'better-auth/api';
import { getDb } from '@/db/client';
import { dashboardUsers } from '@/db/schema';
import { createAccount } from '@/lib/accounts/create-account';
import { clientKeyFrom } from '@/lib/security/client-key';
import { hitRateLimit } from '@/lib/security/rate-limit';
import type { SignUpInput } from '@/lib/validation/dashboard-auth';
import { getAuth } from './auth';
import type { AuthOutcome } from './outcome';

/**
 * A new dashboard user and the merchant account they own, signed in (the cookie is
 * set through next/headers). If the account cannot be made, the user is removed
 * again, so a failed sign-up can be retried with the same email.
 */
export async function signUpMerchant(input: SignUpInput, headers: Headers): Promise<AuthOutcome> {
  const db = await getDb();
  if (!(await hitRateLimit(db, { key: `dashboard-signup:${clientKeyFrom(headers)}`, limit: 20, windowSeconds: 3600 }))) {
    return { ok: false, error: 'rate_limited' };
  }
  const auth = await getAuth();
  let userId: string;
  try {
    const res = await auth.api.signUpEmail({ body: { email: input.email, password: input.password, name: input.businessName }, headers });
    userId = res.user.id;
  } catch (err) {
    if (isAPIError(err) && err.status === 'UNPROCESSABLE_ENTITY') return { ok: false, error: 'email_taken' };
    throw err;
  }
  try {
    await createAccount(db, { name: input.businessName, ownerUserId: userId });
  } catch (err) {
    await db.delete(dashboardUsers).where(eq(dashboardUsers.id, userId));
    throw err;
  }
  return { ok: true };
}
