import { and, desc, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { builtOnce } from '../built-once';
import { apiKeys } from '../schema';

export type KeyOwner = { accountId: string; kind: 'secret' | 'publishable' };

// Every API request runs this lookup.
const keyByHash = builtOnce((db) =>
  db
    .select({ accountId: apiKeys.accountId, kind: apiKeys.kind })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.keyHash, sql.placeholder('hash')),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`${sql.placeholder('now')}::timestamptz`)),
      ),
    )
    .limit(1)
    .prepare('api_key_by_hash'),
);

/** The live key with this hash, if any: not revoked and not past its expiry. */
export async function findActiveKeyByHash(db: Queryable, keyHash: string, now: Date): Promise<KeyOwner | null> {
  const rows = await keyByHash(db).execute({ hash: keyHash, now: now.toISOString() });
  return rows[0] ?? null;
}

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** All of an account's keys, live or not, newest first: what the dashboard lists. */
export function listAccountKeys(db: Queryable, p: { accountId: string }): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.accountId, p.accountId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/**
 * The account's secret keys, held for the rest of the transaction: changes
 * that must keep one live (revoke) queue on this, so two at once cannot
 * together remove the last live key.
 */
export function lockSecretKeys(db: Queryable, p: { accountId: string }): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.accountId, p.accountId), eq(apiKeys.kind, 'secret')))
    .orderBy(apiKeys.id)
    .for('update');
}

export type NewApiKeyRow = typeof apiKeys.$inferInsert;

/** Stores keys (their hashes and display prefixes, lib/accounts/api-key-material.ts) for the account, in one statement. */
export async function insertApiKeys(db: Queryable, p: { accountId: string; keys: Omit<NewApiKeyRow, 'accountId'>[] }): Promise<void> {
  await db.insert(apiKeys).values(p.keys.map((k) => ({ ...k, accountId: p.accountId })));
}

/** Sets when one of the account's keys stops working (a rolled key's grace period). */
export async function setApiKeyExpiry(db: Queryable, p: { accountId: string; id: string; expiresAt: Date }): Promise<void> {
  await db
    .update(apiKeys)
    .set({ expiresAt: p.expiresAt })
    .where(and(eq(apiKeys.accountId, p.accountId), eq(apiKeys.id, p.id)));
}

/** Revokes one of the account's keys as of `revokedAt`. */
export async function revokeApiKey(db: Queryable, p: { accountId: string; id: string; revokedAt: Date }): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: p.revokedAt })
    .where(and(eq(apiKeys.accountId, p.accountId), eq(apiKeys.id, p.id)));
}

/** The account's publishable key (the secret key's row has no token), or null. */
export async function findPublishableKey(db: Queryable, p: { accountId: string }): Promise<string | null> {
  const rows = await db
    .select({ token: apiKeys.publishableToken })
    .from(apiKeys)
    .where(and(eq(apiKeys.accountId, p.accountId), isNotNull(apiKeys.publishableToken)))
    .limit(1);
  return rows.at(0)?.token ?? null;
}
