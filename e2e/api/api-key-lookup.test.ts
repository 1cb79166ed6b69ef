import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../support/own-database';

let dropDatabase: () => Promise<void> = async () => {};
beforeAll(async () => {
  dropDatabase = await useOwnDatabase('caisse_keys');
});
afterAll(() => dropDatabase());

describe('finding the account behind an API key', () => {
  it('a live key is found; an expired or revoked one is not, on every call of the prepared lookup', async () => {
    const { getDb } = await import('@/db/client');
    const { findActiveKeyByHash } = await import('@/db/queries/api-keys');
    const { accounts, apiKeys } = await import('@/db/schema');
    const db = await getDb();
    const now = new Date();
    await db.insert(accounts).values({ id: 'acct_keys', name: 'Keys' });
    await db.insert(apiKeys).values([
      { id: 'key_live', accountId: 'acct_keys', kind: 'secret', keyHash: 'h-live', displayPrefix: 'sk' },
      {
        id: 'key_soon',
        accountId: 'acct_keys',
        kind: 'secret',
        keyHash: 'h-soon',
        displayPrefix: 'sk',
        expiresAt: new Date(now.getTime() + 60_000),
      },
      {
        id: 'key_old',
        accountId: 'acct_keys',
        kind: 'secret',
        keyHash: 'h-old',
        displayPrefix: 'sk',
        expiresAt: new Date(now.getTime() - 60_000),
      },
      { id: 'key_revoked', accountId: 'acct_keys', kind: 'publishable', keyHash: 'h-revoked', displayPrefix: 'pk', revokedAt: now },
    ]);
    expect(await findActiveKeyByHash(db, 'h-live', now)).toEqual({ accountId: 'acct_keys', kind: 'secret' });
    expect(await findActiveKeyByHash(db, 'h-soon', now)).toEqual({ accountId: 'acct_keys', kind: 'secret' });
    expect(await findActiveKeyByHash(db, 'h-soon', new Date(now.getTime() + 120_000))).toBeNull();
    expect(await findActiveKeyByHash(db, 'h-old', now)).toBeNull();
    expect(await findActiveKeyByHash(db, 'h-revoked', now)).toBeNull();
    expect(await findActiveKeyByHash(db, 'h-unknown', now)).toBeNull();
  });
});
