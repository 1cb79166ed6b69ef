import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../client';
import { apiKeys } from '../schema';

export type KeyOwner = { accountId: string; kind: 'secret' | 'publishable' };

/** The live key with this hash, if any: not revoked and not past its expiry. */
export async function findActiveKeyByHash(db: Queryable, keyHash: string, now: Date): Promise<KeyOwner | null> {
  const rows = await db
    .select({ accountId: apiKeys.accountId, kind: apiKeys.kind })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now))))
    .limit(1);
  return rows[0] ?? null;
}
