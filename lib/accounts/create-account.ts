import type { Db } from '@/db/client';
import { accountMembers, accounts, apiKeys } from '@/db/schema';
import { newId } from '@/lib/util/ids';
import { apiKeyRow, newApiKey } from './api-key-material';

export type CreatedAccount = { id: string; name: string; secret_key: string; publishable_key: string };

/**
 * A merchant account with a fresh secret and publishable test key pair (and, from a dashboard
 * sign-up, its owner). The keys are returned in clear this once; only their hashes are kept.
 */
export async function createAccount(db: Db, p: { name: string; secretKey?: string; allowedEmbedOrigins?: string[]; allowedRedirectDomains?: string[]; ownerUserId?: string }): Promise<CreatedAccount> {
  const id = newId('acct');
  const secretKey = p.secretKey ?? newApiKey('secret');
  const publishableKey = newApiKey('publishable');
  await db.transaction(async (tx) => {
    await tx.insert(accounts).values({ id, name: p.name, displayName: p.name, allowedEmbedOrigins: p.allowedEmbedOrigins ?? [], allowedRedirectDomains: p.allowedRedirectDomains ?? [] });
    await tx.insert(apiKeys).values([apiKeyRow(id, 'secret', secretKey), apiKeyRow(id, 'publishable', publishableKey)]);
    if (p.ownerUserId) await tx.insert(accountMembers).values({ userId: p.ownerUserId, accountId: id, role: 'owner' });
  });
  return { id, name: p.name, secret_key: secretKey, publishable_key: publishableKey };
}
