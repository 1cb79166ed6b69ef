import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findSessionAndCheckoutDomain, insertSession } from '@/db/queries/checkout-sessions';
import { sessionHostSettings } from '@/db/queries/custom-domains';
import * as schema from '@/db/schema';
import { accounts } from '@/db/schema';
import { newId, newSessionId } from '@/lib/util/ids';
import { addCustomDomain, customDomains, isVerifiedCustomDomain, removeCustomDomain, verifyCustomDomain } from './custom-domains';
import type { ResolveTxt } from './resolver';

// The domain lifecycle on its own in-memory database, with DNS answered by the test.
let client: PGlite;
let db: Db;

beforeAll(async () => {
  // Read once by lib/env, on the first call below (each test file has its own modules).
  process.env.APP_URL = 'https://caisse.example.org';
  client = await PGlite.create();
  const pglite = drizzle(client, { schema, casing: 'snake_case' });
  db = pglite;
  await migrate(pglite, { migrationsFolder: path.resolve(import.meta.dirname, '../../db/migrations') });
});

afterAll(() => client.close());

async function account() {
  const id = newId('acct');
  await db.insert(accounts).values({ id, name: 'Shop' });
  return id;
}

const dnsError =
  (code: string): ResolveTxt =>
  () =>
    Promise.reject(Object.assign(new Error(code), { code }));
const answers =
  (records: string[][]): ResolveTxt =>
  () =>
    Promise.resolve(records);

/** A session row with only what the table requires (the reads below look at the account, not the session). */
const bareSession = (accountId: string) =>
  insertSession(db, {
    id: newSessionId(),
    accountId,
    expiresAt: new Date(),
    mode: 'payment',
    uiMode: 'hosted_page',
    taxIdCollection: { enabled: false, required: 'never' },
    customText: { submit: null, after_submit: null, shipping_address: null, terms_of_service_acceptance: null },
  });

let n = 0;
const host = () => `pay${++n}.${newId('dom').slice(4).toLowerCase()}.test`;

describe('custom domains', () => {
  it('adds a normalized host name once across all accounts, never Caisse’s own', async () => {
    const a = await account();
    const b = await account();
    const name = host();
    const added = await addCustomDomain(db, { accountId: a, hostname: ` ${name.toUpperCase()} ` });
    expect(added).toMatchObject({ ok: true, domain: { hostname: name, verified: false, record: { name: `_caisse-challenge.${name}` } } });
    expect(await addCustomDomain(db, { accountId: a, hostname: name })).toEqual({ ok: false, error: 'hostname_taken' });
    expect(await addCustomDomain(db, { accountId: b, hostname: name })).toEqual({ ok: false, error: 'hostname_taken' });
    expect(await addCustomDomain(db, { accountId: b, hostname: 'https://x.test' })).toEqual({ ok: false, error: 'hostname_has_scheme' });
    expect(await addCustomDomain(db, { accountId: b, hostname: 'Caisse.example.org' })).toEqual({ ok: false, error: 'hostname_is_caisse' });
    expect((await customDomains(db, { accountId: b })).length).toBe(0);
  });

  it('verifies through the resolver it is given, recording every check', async () => {
    const a = await account();
    const added = await addCustomDomain(db, { accountId: a, hostname: host() });
    if (!added.ok) throw new Error(added.error);
    const { id, record } = added.domain;
    const asked: string[] = [];
    const t0 = new Date('2026-01-01T00:00:00Z');

    expect((await verifyCustomDomain(db, { accountId: a, id }, dnsError('ENOTFOUND'), t0))?.outcome).toBe('not_found');
    expect((await verifyCustomDomain(db, { accountId: a, id }, dnsError('ENODATA'), t0))?.outcome).toBe('not_found');
    expect((await verifyCustomDomain(db, { accountId: a, id }, dnsError('ETIMEOUT'), t0))?.outcome).toBe('lookup_failed');
    const wrong = await verifyCustomDomain(db, { accountId: a, id }, answers([['caisse-domain-verification=nope']]), t0);
    expect(wrong).toMatchObject({ outcome: 'wrong_value', domain: { verified: false, lastCheckedAt: t0 } });
    expect(await isVerifiedCustomDomain(db, added.domain.hostname)).toBe(false);

    const t1 = new Date('2026-01-02T00:00:00Z');
    const found: ResolveTxt = (name) => (asked.push(name), Promise.resolve([['other'], [record.value]]));
    expect(await verifyCustomDomain(db, { accountId: a, id }, found, t1)).toMatchObject({
      outcome: 'verified',
      domain: { verified: true, verifiedAt: t1, lastCheckedAt: t1 },
    });
    expect(asked).toEqual([record.name]);
    expect(await isVerifiedCustomDomain(db, added.domain.hostname.toUpperCase())).toBe(true);

    // A record removed later does not unverify the domain: live checkout links keep working.
    const t2 = new Date('2026-01-03T00:00:00Z');
    expect(await verifyCustomDomain(db, { accountId: a, id }, dnsError('ENOTFOUND'), t2)).toMatchObject({
      outcome: 'not_found',
      domain: { verified: true, verifiedAt: t1, lastCheckedAt: t2 },
    });
  });

  it('limits an account to 10 checks a minute, then looks nothing up', async () => {
    const a = await account();
    const added = await addCustomDomain(db, { accountId: a, hostname: host() });
    if (!added.ok) throw new Error(added.error);
    let lookups = 0;
    const counting: ResolveTxt = () => (lookups++, Promise.resolve([['unrelated']]));
    const t0 = new Date('2026-02-01T00:00:00Z');
    for (let i = 0; i < 10; i++)
      expect((await verifyCustomDomain(db, { accountId: a, id: added.domain.id }, counting, t0))?.outcome).toBe('wrong_value');
    expect((await verifyCustomDomain(db, { accountId: a, id: added.domain.id }, counting, t0))?.outcome).toBe('rate_limited');
    expect(lookups).toBe(10);
    const nextMinute = new Date('2026-02-01T00:01:00Z');
    expect((await verifyCustomDomain(db, { accountId: a, id: added.domain.id }, counting, nextMinute))?.outcome).toBe('wrong_value');
  });

  it("another account's domain id is not found, cannot be verified or removed", async () => {
    const a = await account();
    const b = await account();
    const added = await addCustomDomain(db, { accountId: a, hostname: host() });
    if (!added.ok) throw new Error(added.error);
    expect(await verifyCustomDomain(db, { accountId: b, id: added.domain.id }, answers([[added.domain.record.value]]))).toBeNull();
    expect(await removeCustomDomain(db, { accountId: b, id: added.domain.id })).toBe(false);
    expect((await customDomains(db, { accountId: a })).map((d) => d.verified)).toEqual([false]);
    expect(await removeCustomDomain(db, { accountId: a, id: added.domain.id })).toBe(true);
    expect(await customDomains(db, { accountId: a })).toEqual([]);
  });

  it('checkout links use the first domain verified, with the redirect allowlist in the same read', async () => {
    const a = await account();
    expect(await sessionHostSettings(db, a)).toEqual({ allowedRedirectDomains: [], checkoutDomain: null });
    const first = await addCustomDomain(db, { accountId: a, hostname: host() });
    const second = await addCustomDomain(db, { accountId: a, hostname: host() });
    if (!first.ok || !second.ok) throw new Error('not added');
    expect((await sessionHostSettings(db, a)).checkoutDomain).toBeNull();
    await verifyCustomDomain(
      db,
      { accountId: a, id: second.domain.id },
      answers([[second.domain.record.value]]),
      new Date('2026-01-01T00:00:00Z'),
    );
    await verifyCustomDomain(
      db,
      { accountId: a, id: first.domain.id },
      answers([[first.domain.record.value]]),
      new Date('2026-01-02T00:00:00Z'),
    );
    expect((await sessionHostSettings(db, a)).checkoutDomain).toBe(second.domain.hostname);
    // A retrieve reads the session and the same domain at once; another account's session has none.
    const mine = await bareSession(a);
    const other = await account();
    const theirs = await bareSession(other);
    expect(await findSessionAndCheckoutDomain(db, { accountId: a, id: mine.id })).toEqual({
      session: mine,
      checkoutDomain: second.domain.hostname,
    });
    expect(await findSessionAndCheckoutDomain(db, { accountId: other, id: theirs.id })).toEqual({ session: theirs, checkoutDomain: null });
    expect(await findSessionAndCheckoutDomain(db, { accountId: other, id: mine.id })).toBeNull();
  });
});
