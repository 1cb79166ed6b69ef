import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../support/own-database';
import { defined } from '../support/defined';

// lib/accounts/api-keys.ts, which the dashboard's key actions call, against a database of its own.
let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_dashkeys');
});
afterAll(() => dropDatabase());

async function setup() {
  const { getDb } = await import('@/db/client');
  const { createAccount } = await import('@/lib/accounts/create-account');
  const keys = await import('@/lib/accounts/api-keys');
  const { findActiveKeyByHash } = await import('@/db/queries/api-keys');
  const { hashKey } = await import('@/lib/api/auth');
  const db = await getDb();
  const account = await createAccount(db, { name: 'Key Shop' });
  const live = (key: string, at = new Date()) => findActiveKeyByHash(db, hashKey(key), at);
  const secretId = async () =>
    defined(
      (await keys.listApiKeys(db, { accountId: account.id })).find((k) => k.kind === 'secret' && k.state === 'active'),
      'an active secret key',
    ).id;
  return { db, account, keys, live, secretId };
}

describe('dashboard API keys', () => {
  it('lists the publishable key in full and the secret key by its display prefix only', async () => {
    const { db, account, keys } = await setup();
    const list = await keys.listApiKeys(db, { accountId: account.id });
    expect(list.find((k) => k.kind === 'publishable')?.publishableKey).toBe(account.publishable_key);
    const secret = defined(
      list.find((k) => k.kind === 'secret'),
      'a secret key',
    );
    expect(secret.publishableKey).toBeNull();
    expect(secret.displayPrefix).toBe(`${account.secret_key.slice(0, 12)}…${account.secret_key.slice(-4)}`);
    expect(JSON.stringify(list)).not.toContain(account.secret_key);
  });

  it('rolling with a delay keeps the old key live until then; rolling "now" ends it at once', async () => {
    const { db, account, keys, live, secretId } = await setup();
    const now = new Date();
    const rolled = await keys.rollSecretKey(db, { accountId: account.id, id: await secretId(), expiresIn: '1h' }, now);
    expect(rolled.oldKeyExpiresAt.getTime()).toBe(now.getTime() + 3600_000);
    expect(await live(account.secret_key)).not.toBeNull();
    expect(await live(account.secret_key, new Date(now.getTime() + 3601_000))).toBeNull();
    expect(await live(rolled.secret)).toMatchObject({ accountId: account.id, kind: 'secret' });

    const again = await keys.rollSecretKey(db, { accountId: account.id, id: rolled.id, expiresIn: 'now' });
    expect(await live(rolled.secret)).toBeNull();
    expect(await live(again.secret)).not.toBeNull();
  });

  it('a key of another account, or one already expired, cannot be rolled', async () => {
    const { db, account, keys, secretId } = await setup();
    const other = await setup();
    await expect(keys.rollSecretKey(db, { accountId: other.account.id, id: await secretId(), expiresIn: 'now' })).rejects.toMatchObject({
      code: 'resource_missing',
    });
    const id = await secretId();
    await keys.rollSecretKey(db, { accountId: account.id, id, expiresIn: 'now' });
    await expect(keys.rollSecretKey(db, { accountId: account.id, id, expiresIn: 'now' })).rejects.toMatchObject({
      code: 'resource_missing',
    });
  });

  it('revoking the last live secret key needs confirmation; two revokes at once leave one key unless confirmed', async () => {
    const { db, account, keys, live, secretId } = await setup();
    const first = await secretId();
    expect(await keys.revokeSecretKey(db, { accountId: account.id, id: first, confirmLast: false })).toEqual({
      ok: false,
      reason: 'last_active_key',
    });
    expect(await live(account.secret_key)).not.toBeNull();

    const second = await keys.createSecretKey(db, { accountId: account.id });
    const outcomes = await Promise.all([
      keys.revokeSecretKey(db, { accountId: account.id, id: first, confirmLast: false }),
      keys.revokeSecretKey(db, { accountId: account.id, id: second.id, confirmLast: false }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const left = (await keys.listApiKeys(db, { accountId: account.id })).filter((k) => k.kind === 'secret' && k.state === 'active');
    expect(left).toHaveLength(1);

    expect(await keys.revokeSecretKey(db, { accountId: account.id, id: left[0].id, confirmLast: true })).toEqual({ ok: true });
    expect(await live(account.secret_key)).toBeNull();
    expect(await live(second.secret)).toBeNull();
  });
});
