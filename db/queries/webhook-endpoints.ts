import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { webhookEndpoints } from '../schema';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** A live (not deleted) endpoint of the account; `lock` holds it for the rest of the transaction. */
export async function findWebhookEndpoint(
  db: Queryable,
  p: { accountId: string; id: string; lock?: boolean },
): Promise<WebhookEndpointRow | null> {
  const query = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.id, p.id), eq(webhookEndpoints.deleted, false)))
    .limit(1);
  const rows = p.lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** The account's live endpoints, newest first: at most MAX_WEBHOOK_ENDPOINTS, so no paging. */
export function listAccountEndpoints(db: Queryable, p: { accountId: string }): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, p.accountId), eq(webhookEndpoints.deleted, false)))
    .orderBy(desc(webhookEndpoints.seq));
}
