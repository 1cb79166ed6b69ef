import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { getDb } from '@/db/client';
import { dashboardCredentials, dashboardSessions, dashboardUsers, dashboardVerifications } from '@/db/schema';
import { env } from '@/lib/env';
import { secretKey } from '@/lib/security/secret-keys';
import { withHashedSessionTokens } from './hashed-session-tokens';
import { linkSessions } from './link-sessions';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

async function create() {
  const db = await getDb();
  const { APP_URL } = env();
  return betterAuth({
    appName: 'Caisse',
    baseURL: APP_URL,
    basePath: '/dashboard/auth',
    // From the installation's key (never the database), so a cookie signed by one process is good on all.
    secret: secretKey('dashboard-auth').toString('base64url'),
    database: withHashedSessionTokens(
      drizzleAdapter(db, {
        provider: 'pg',
        schema: { dashboardUsers, dashboardSessions, dashboardCredentials, dashboardVerifications },
      }),
    ),
    user: { modelName: 'dashboardUsers' },
    session: { modelName: 'dashboardSessions', expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    account: { modelName: 'dashboardCredentials' },
    // One-time links (lib/auth/email-links.ts) are found by the SHA-256 of their token: the table holds no usable link.
    verification: { modelName: 'dashboardVerifications', storeIdentifier: 'hashed' },
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX, autoSignIn: true },
    // Sign-in goes through server actions only (Next checks their Origin); failed attempts are
    // throttled per email and client and per client in lib/auth/sign-in-throttle.ts with Caisse's Postgres counter.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'caisse',
      useSecureCookies: APP_URL.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
    // linkSessions: a session for a user a one-time link identified. nextCookies sets the session
    // cookie from server actions (auth.api.* calls); it must come last.
    plugins: [linkSessions(), nextCookies()],
  });
}

export type Auth = Awaited<ReturnType<typeof create>>;

const slot = globalThis as unknown as { __caisseAuth?: Promise<Auth> };

/** The process's better-auth instance, made on first use (it needs the database and the instance secret). */
export function getAuth(): Promise<Auth> {
  slot.__caisseAuth ??= create().catch((err: unknown) => {
    slot.__caisseAuth = undefined;
    throw err;
  });
  return slot.__caisseAuth;
}
