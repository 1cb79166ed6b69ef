// GET /dashboard/developers — API keys: the publishable key, secret keys to create, roll and revoke
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApiKeysPanel, type KeyRow } from '@/components/dashboard/developers/api-keys-panel';
import { dateFormatter } from '@/components/dashboard/developers/date-format';
import { listApiKeys } from '@/lib/accounts/api-keys';
import { requireMerchant } from '@/lib/dashboard/current-merchant';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard.developers.keys'))('title') };
}

export default async function ApiKeysPage() {
  const { db, accountId } = await requireMerchant();
  const date = await dateFormatter();
  const keys: KeyRow[] = (await listApiKeys(db, { accountId })).map((k) => ({
    id: k.id,
    kind: k.kind,
    shown: k.publishableKey ?? k.displayPrefix,
    created: date(k.createdAt),
    expires: k.expiresAt ? date(k.expiresAt) : null,
    revoked: k.revokedAt ? date(k.revokedAt) : null,
    state: k.state,
  }));
  return <ApiKeysPanel keys={keys} />;
}
