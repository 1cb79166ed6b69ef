import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useOwnDatabase } from '../support/own-database';

vi.mock('server-only', () => ({}));

// POST /operator/accounts, the route handler itself, against a database of its own (so that a write can be made to fail).
const OPERATOR_KEY = randomBytes(24).toString('hex');
process.env.CAISSE_OPERATOR_KEY = OPERATOR_KEY;
process.env.CAISSE_SECRET_KEY = randomBytes(32).toString('base64url');

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_operator');
});
afterAll(() => dropDatabase());

async function setup() {
  const { POST } = await import('@/app/operator/accounts/route');
  const { getDb } = await import('@/db/client');
  const { accounts, dashboardUsers } = await import('@/db/schema');
  const { eq, sql } = await import('drizzle-orm');
  const db = await getDb();
  const provision = (body: unknown) =>
    POST(
      new Request('http://localhost/operator/accounts', {
        method: 'POST',
        headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  const accountsNamed = async (name: string) => (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, name))).length;
  const usersWith = async (email: string) =>
    (await db.select({ id: dashboardUsers.id }).from(dashboardUsers).where(eq(dashboardUsers.email, email))).length;
  return { db, sql, provision, accountsNamed, usersWith };
}

const unique = () => randomBytes(5).toString('hex');

describe('POST /operator/accounts', () => {
  it('a second account with the same owner email → 400, and no orphan account is left', async () => {
    const { provision, accountsNamed, usersWith } = await setup();
    const email = `owner-${unique()}@shop.test`;
    const name = `Shop ${unique()}`;
    const first = await provision({ name, owner: { email, password: 'a-long-password' } });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      id: expect.stringMatching(/^acct_/) as unknown,
      name,
      secret_key: expect.stringMatching(/^sk_test_/) as unknown,
    });
    const second = await provision({ name, owner: { email, password: 'another-long-password' } });
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({ error: { type: 'invalid_request_error', message: 'A dashboard user already has that email.' } });
    expect(await accountsNamed(name)).toBe(1);
    expect(await usersWith(email)).toBe(1);
  });

  it('the owner and the account are one transaction: when a later write fails, neither the owner nor the account is left', async () => {
    const { db, sql, provision, accountsNamed, usersWith } = await setup();
    const email = `owner-${unique()}@shop.test`;
    const name = `Doomed ${unique()}`;
    // Makes the membership (the last write) fail for this account name only.
    await db.execute(
      sql.raw(`create or replace function fail_doomed_member() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from accounts where id = new.account_id and name like 'Doomed %') then raise exception 'membership refused'; end if;
          return new;
        end $$`),
    );
    await db.execute(
      sql.raw('create trigger fail_doomed_member before insert on account_members for each row execute function fail_doomed_member()'),
    );
    try {
      const res = await provision({ name, owner: { email, password: 'a-long-password' } }).catch((err: unknown) => err);
      expect(res instanceof Response ? res.status : 500).toBe(500);
    } finally {
      await db.execute(sql.raw('drop trigger fail_doomed_member on account_members'));
    }
    expect(await usersWith(email)).toBe(0);
    expect(await accountsNamed(name)).toBe(0);
    // The same email can then be used.
    expect((await provision({ name: `Retry ${unique()}`, owner: { email, password: 'a-long-password' } })).status).toBe(201);
  });

  it('a business name with a NUL character → 400, not a failed insert', async () => {
    const { provision } = await setup();
    const res = await provision({ name: 'Bad\u0000Shop' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});
