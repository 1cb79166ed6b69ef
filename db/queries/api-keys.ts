import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { apiKeys } from '../schema';

export type KeyOwner = { accountId: string; kind: 'secret' | 'publishable' };

// Every API request runs this lookup: built once per database handle and
// prepared, so neither drizzle nor Postgres parses it again each time.
function keyByHash(db: Queryable) {
  return db
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
    .prepare('api_key_by_hash');
}

const prepared = new WeakMap<Queryable, ReturnType<typeof keyByHash>>();

/** The live key with this hash, if any: not revoked and not past its expiry. */
export async function findActiveKeyByHash(db: Queryable, keyHash: string, now: Date): Promise<KeyOwner | null> {
  let query = prepared.get(db);
  if (!query) {
    query = keyByHash(db);
    prepared.set(db, query);
  }
  const rows = await query.execute({ hash: keyHash, now: now.toISOString() });
  return rows[0] ?? null;
}
