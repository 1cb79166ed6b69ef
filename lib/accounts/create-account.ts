import type { Db } from '@/db/client';
import { accountMembers, accounts, apiKeys } from '@/db/schema';
import { hashKey } from '@/lib/api/auth';
import { newId, randomBase62 } from '@/lib/util/ids';

export type CreatedAccount = { id: string; name: string; secret_key: string; publishable_key: string };

const display = (key: string) => `${key.slice(0, 12)}…${key.slice(-4)}`;

/**
 * A merchant account with a fresh secret and publishable test key pair (and, from a dashboard
 * sign-up, its owner); only here are the secrets seen in clear.
 */
export async function createAccount(db: Db, p: { name: string; secretKey?: string; allowedEmbedOrigins?: string[]; allowedRedirectDomains?: string[]; ownerUserId?: string }): Promise<CreatedAccount> {
  const id = newId('acct');
  const secretKey = p.secretKey ?? `sk_test_${randomBase62(48)}`;
  const publishableKey = `pk_test_${randomBase62(48)}`;
  await db.transaction(async (tx) => {
    await tx.insert(accounts).values({ id, name: p.name, displayName: p.name, allowedEmbedOrigins: p.allowedEmbedOrigins ?? [], allowedRedirectDomains: p.allowedRedirectDomains ?? [] });
    await tx.insert(apiKeys).values([
      { id: newId('key'), accountId: id, kind: 'secret', keyHash: hashKey(secretKey), displayPrefix: display(secretKey) },
      { id: newId('key'), accountId: id, kind: 'publishable', keyHash: hashKey(publishableKey), displayPrefix: display(publishableKey), publishableToken: publishableKey },
    ]);
    if (p.ownerUserId) await tx.insert(accountMembers).values({ userId: p.ownerUserId, accountId: id, role: 'owner' });
  });
  return { id, name: p.name, secret_key: secretKey, publishable_key: publishableKey };
}
