import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import { currentSealPrefix } from '@/lib/security/secret-keys';
import '@/lib/security/sealed-columns';

/**
 * Seals, with the current key, every webhook secret stored in clear (before sealing existed) or under an
 * older key (after a rotation): once this has run, removing the old key from the key file loses nothing.
 * Idempotent and safe for several processes at once (each row is rewritten as a whole).
 */
export async function resealWebhookSecrets(db: Db): Promise<number> {
  const current = currentSealPrefix('webhook-secrets');
  const stale = await db
    .select({ id: webhookEndpoints.id, secret: webhookEndpoints.secret, previousSecret: webhookEndpoints.previousSecret })
    .from(webhookEndpoints)
    .where(
      sql`${webhookEndpoints.secret}::text not like ${`${current}%`} or (${webhookEndpoints.previousSecret} is not null and ${webhookEndpoints.previousSecret}::text not like ${`${current}%`})`,
    );
  for (const row of stale)
    await db
      .update(webhookEndpoints)
      .set({ secret: row.secret, previousSecret: row.previousSecret })
      .where(eq(webhookEndpoints.id, row.id));
  return stale.length;
}
