import { createHmac } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { describe, expect, it } from 'vitest';
import { hashSessionToken, withHashedSessionTokens } from './hashed-session-tokens';
import { defined } from '@/e2e/support/defined';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

/** A session cookie as better-auth signs it: "<token>.<base64 HMAC-SHA256 of the token>". */
const signedCookie = (name: string, token: string) =>
  `${name}=${encodeURIComponent(`${token}.${createHmac('sha256', SECRET).update(token).digest('base64')}`)}`;

// better-auth itself, on its in-memory adapter wrapped as the dashboard's Drizzle adapter is.
function setup() {
  const tables: Record<string, Record<string, unknown>[]> = { user: [], session: [], account: [], verification: [] };
  const auth = betterAuth({
    baseURL: 'http://localhost:3000',
    secret: SECRET,
    database: withHashedSessionTokens(memoryAdapter(tables)),
    emailAndPassword: { enabled: true },
    rateLimit: { enabled: false },
    logger: { disabled: true },
  });
  return { auth, tables };
}

const cookieOf = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

describe('hashed session tokens', () => {
  it('stores only the SHA-256 of a session token; the cookie still signs in, and signing out deletes the session', async () => {
    const { auth, tables } = setup();
    const { headers, response } = await auth.api.signUpEmail({
      body: { email: 'ada@shop.test', password: 'a-long-password', name: 'Ada' },
      returnHeaders: true,
    });
    const token = defined(response.token, 'the session token');
    expect(tables.session).toHaveLength(1);
    expect(tables.session[0].token).toBe(hashSessionToken(token));
    expect(JSON.stringify(tables.session)).not.toContain(token);

    const cookie = new Headers({ cookie: cookieOf(headers) });
    const session = await auth.api.getSession({ headers: cookie });
    expect(session).toMatchObject({ user: { email: 'ada@shop.test' }, session: { token } });

    await auth.api.signOut({ headers: cookie });
    expect(tables.session).toHaveLength(0);
    expect(await auth.api.getSession({ headers: cookie })).toBeNull();
  });

  it('the stored hash, signed with the secret as a cookie, is no session', async () => {
    const { auth, tables } = setup();
    const { headers, response } = await auth.api.signUpEmail({
      body: { email: 'bob@shop.test', password: 'a-long-password', name: 'Bob' },
      returnHeaders: true,
    });
    const name = cookieOf(headers).split('=')[0];
    // The signing here is right: the clear token signed the same way is a session.
    expect(
      await auth.api.getSession({ headers: new Headers({ cookie: signedCookie(name, defined(response.token, 'the session token')) }) }),
    ).not.toBeNull();
    const stored = tables.session[0].token as string;
    expect(await auth.api.getSession({ headers: new Headers({ cookie: signedCookie(name, stored) }) })).toBeNull();
  });

  it('a password change revokes the other sessions and opens a new one, also stored hashed', async () => {
    const { auth, tables } = setup();
    const first = await auth.api.signUpEmail({
      body: { email: 'cy@shop.test', password: 'a-long-password', name: 'Cy' },
      returnHeaders: true,
    });
    const second = await auth.api.signInEmail({ body: { email: 'cy@shop.test', password: 'a-long-password' }, returnHeaders: true });
    expect(tables.session).toHaveLength(2);
    const changed = await auth.api.changePassword({
      body: { currentPassword: 'a-long-password', newPassword: 'another-long-password', revokeOtherSessions: true },
      headers: new Headers({ cookie: cookieOf(second.headers) }),
    });
    expect(tables.session).toHaveLength(1);
    expect(tables.session[0].token).toBe(hashSessionToken(defined(changed.token, 'the new session token')));
    expect(await auth.api.getSession({ headers: new Headers({ cookie: cookieOf(first.headers) }) })).toBeNull();
  });
});
