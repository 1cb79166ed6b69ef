import type { Db } from '@/db/client';
import { listEndpointsToReseal, resealEndpointSecrets } from '@/db/queries/webhook-endpoints';
import { currentSealPrefix } from '@/lib/security/secret-keys';
import '@/lib/security/sealed-columns';

/**
 * Seals, with the current key, every webhook secret stored in clear (before sealing existed) or under an
 * older key (after a rotation): once this has run, removing the old key from the key file loses nothing.
 * Idempotent and safe for several processes at once (each row is rewritten as a whole).
 */
export async function resealWebhookSecrets(db: Db): Promise<number> {
  const stale = await listEndpointsToReseal(db, { sealPrefix: currentSealPrefix('webhook-secrets') });
  for (const row of stale) await resealEndpointSecrets(db, row);
  return stale.length;
}
