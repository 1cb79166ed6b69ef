import type { Db } from '@/db/client';
import { insertMember } from '@/db/queries/account-members';
import { insertAccount } from '@/db/queries/accounts';
import { insertApiKeys } from '@/db/queries/api-keys';
import { insertDashboardUser, type NewDashboardUser } from '@/db/queries/dashboard-users';
import { newDashboardUserIds, newId } from '@/lib/util/ids';
import { apiKeyRow, newApiKey } from './api-key-material';

export type CreatedAccount = { id: string; name: string; secret_key: string; publishable_key: string };

/**
 * A merchant account with a fresh secret and publishable test key pair and, optionally, its owner:
 * an existing dashboard user (`ownerUserId`) or a new one (`owner`). Everything commits together, so a
 * failure leaves neither an account without its owner nor an owner without their account. The keys
 * are returned in clear this once; only their hashes are kept.
 */
export async function createAccount(
  db: Db,
  p: {
    name: string;
    secretKey?: string;
    allowedEmbedOrigins?: string[];
    allowedRedirectDomains?: string[];
    ownerUserId?: string;
    owner?: NewDashboardUser;
  },
): Promise<CreatedAccount & { ownerUserId: string | null }> {
  const id = newId('acct');
  const secretKey = p.secretKey ?? newApiKey('secret');
  const publishableKey = newApiKey('publishable');
  const ownerUserId = await db.transaction(async (tx) => {
    await insertAccount(tx, {
      id,
      name: p.name,
      displayName: p.name,
      allowedEmbedOrigins: p.allowedEmbedOrigins ?? [],
      allowedRedirectDomains: p.allowedRedirectDomains ?? [],
    });
    await insertApiKeys(tx, { accountId: id, keys: [apiKeyRow(id, 'secret', secretKey), apiKeyRow(id, 'publishable', publishableKey)] });
    const userId = p.owner ? await insertDashboardUser(tx, p.owner, newDashboardUserIds()) : p.ownerUserId;
    if (userId) await insertMember(tx, { accountId: id, userId, role: 'owner' });
    return userId ?? null;
  });
  return { id, name: p.name, secret_key: secretKey, publishable_key: publishableKey, ownerUserId };
}
