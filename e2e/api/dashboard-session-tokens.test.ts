import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useOwnDatabase } from '../support/own-database';
import { defined } from '../support/defined';

vi.mock('server-only', () => ({}));

// The dashboard's better-auth (lib/auth/auth.ts) against a database of its own: what a copy of the
// dashboard_sessions table would give away. The installation's key is this file's own.
process.env.CAISSE_SECRET_KEY = randomBytes(32).toString('base64url');

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_sessiontokens');
});
afterAll(() => dropDatabase());

async function setup() {
  const { getDb } = await import('@/db/client');
  const { getAuth } = await import('@/lib/auth/auth');
  const { hashPassword } = await import('@/lib/auth/password-hash');
  const { createAccount } = await import('@/lib/accounts/create-account');
  const { secretKey } = await import('@/lib/security/secret-keys');
  const { dashboardSessions } = await import('@/db/schema');
  const db = await getDb();
  const auth = await getAuth();
  const email = `owner-${randomBytes(5).toString('hex')}@shop.test`;
  const password = randomBytes(12).toString('base64url');
  const { ownerUserId } = await createAccount(db, {
    name: 'Token Shop',
    owner: { email, name: 'Token Shop', passwordHash: await hashPassword(password) },
  });
  const userId = defined(ownerUserId, 'ownerUserId');
  const secret = secretKey('dashboard-auth').toString('base64url');
  const signIn = async () => {
    const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
    const [name, value] = headers.getSetCookie()[0].split(';')[0].split('=');
    return { name, token: decodeURIComponent(value).split('.')[0] };
  };
  /** A cookie as better-auth signs it, for any value: "<value>.<base64 HMAC-SHA256>" under the installation's key. */
  const cookie = (name: string, value: string) =>
    new Headers({ cookie: `${name}=${encodeURIComponent(`${value}.${createHmac('sha256', secret).update(value).digest('base64')}`)}` });
  const storedTokens = async () => (await db.select().from(dashboardSessions)).filter((s) => s.userId === userId).map((s) => s.token);
  return { db, auth, userId, signIn, cookie, storedTokens };
}

describe('dashboard session tokens', () => {
  it('the token in the cookie is not in dashboard_sessions, and the stored value signed as a cookie is no session', async () => {
    const { auth, signIn, cookie, storedTokens } = await setup();
    const { name, token } = await signIn();
    const stored = await storedTokens();
    expect(stored).toHaveLength(1);
    expect(stored).not.toContain(token);
    expect(stored[0]).not.toContain(token);

    expect(await auth.api.getSession({ headers: cookie(name, token) })).toMatchObject({ session: { token } });
    expect(await auth.api.getSession({ headers: cookie(name, stored[0]) })).toBeNull();
  });

  it('signing out deletes the session: its cookie no longer works', async () => {
    const { auth, signIn, cookie, storedTokens } = await setup();
    const { name, token } = await signIn();
    await auth.api.signOut({ headers: cookie(name, token) });
    expect(await storedTokens()).toEqual([]);
    expect(await auth.api.getSession({ headers: cookie(name, token) })).toBeNull();
  });

  it('a session opened before tokens were hashed still works after the migration hashes it', async () => {
    const { db, auth, userId, cookie, signIn } = await setup();
    const { name } = await signIn();
    const { dashboardSessions } = await import('@/db/schema');
    const { sql } = await import('drizzle-orm');
    const old = randomBytes(24).toString('base64url');
    await db.insert(dashboardSessions).values({ id: `old_${old}`, token: old, userId, expiresAt: new Date(Date.now() + 3600_000) });
    // The data step of the migration that introduced hashing, run again on this one row.
    const migration = readFileSync(path.join(process.cwd(), 'db', 'migrations', '0005_hash_session_tokens.sql'), 'utf8');
    const update = defined(
      migration.split('\n').find((l) => l.startsWith('UPDATE')),
      "the migration's UPDATE statement",
    ).replace(/;$/, '');
    await db.execute(sql.raw(`${update} WHERE "id" = 'old_${old}'`));
    expect(await auth.api.getSession({ headers: cookie(name, old) })).toMatchObject({ user: { id: userId } });
  });
});
