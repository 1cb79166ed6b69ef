import 'server-only';
import { isAPIError } from 'better-auth/api';
import { getDb } from '@/db/client';
import { clientKeyFrom } from '@/lib/security/client-key';
import { hitRateLimit } from '@/lib/security/rate-limit';
import type { SignInInput } from '@/lib/validation/dashboard-auth';
import { getAuth } from './auth';
import type { AuthOutcome } from './outcome';

// Guessing passwords: a client gets 20 tries in 15 minutes, and an email 10 whoever asks.
const PER_CLIENT = { limit: 20, windowSeconds: 900 };
const PER_EMAIL = { limit: 10, windowSeconds: 900 };

export async function signIn(input: SignInInput, headers: Headers): Promise<AuthOutcome> {
  const db = await getDb();
  const client = await hitRateLimit(db, { key: `dashboard-signin:${clientKeyFrom(headers)}`, ...PER_CLIENT });
  const email = await hitRateLimit(db, { key: `dashboard-signin-email:${input.email}`, ...PER_EMAIL });
  if (!client || !email) return { ok: false, error: 'rate_limited' };
  try {
    await (await getAuth()).api.signInEmail({ body: { email: input.email, password: input.password }, headers });
    return { ok: true };
  } catch (err) {
    if (isAPIError(err) && err.status === 'UNAUTHORIZED') return { ok: false, error: 'invalid_credentials' };
    throw err;
  }
}

export async function signOut(headers: Headers): Promise<void> {
  await (await getAuth()).api.signOut({ headers });
}
