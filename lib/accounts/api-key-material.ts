import { apiKeys } from '@/db/schema';
import { hashKey } from '@/lib/api/auth';
import { newId, randomBase62 } from '@/lib/util/ids';

export type ApiKeyKind = 'secret' | 'publishable';

/** What the dashboard may show again of a key: its start and its last four characters. */
export const displayPrefix = (key: string) => `${key.slice(0, 12)}…${key.slice(-4)}`;

/** A new test-mode key in clear: 48 base62 characters (≈ 285 bits). */
export const newApiKey = (kind: ApiKeyKind) => `${kind === 'secret' ? 'sk' : 'pk'}_test_${randomBase62(48)}`;

/**
 * The api_keys row for a key: only its hash and display prefix are stored,
 * except for publishable keys, which are public and kept so they can be shown again.
 */
export function apiKeyRow(accountId: string, kind: ApiKeyKind, key: string): typeof apiKeys.$inferInsert {
  return {
    id: newId('key'),
    accountId,
    kind,
    keyHash: hashKey(key),
    displayPrefix: displayPrefix(key),
    publishableToken: kind === 'publishable' ? key : null,
  };
}
