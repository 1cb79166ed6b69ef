import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { events, webhookDeliveries } from '@/db/schema';
import { invalidRequest } from '@/lib/api/errors';
import { newId } from '@/lib/util/ids';
import { sqlNow } from './deliver';
import { getEventOrThrow, getWebhookEndpointOrThrow } from '@/lib/api/get-or-throw';
import '@/lib/security/sealed-columns';

/**
 * "Re-send" from the dashboard: the event goes to the endpoint again now,
 * with a fresh set of retries, whether it was delivered, gave up, or was
 * never sent there (an endpoint created after the event). A delivery that is
 * still pending is only brought forward: its claim, if a worker holds one,
 * stays valid, so the event is not sent twice at once.
 */
export async function resendDelivery(
  db: Db,
  p: { accountId: string; eventId: string; endpointId: string; now?: Date },
): Promise<{ deliveryId: string }> {
  const now = sqlNow(p.now);
  return db.transaction(async (tx) => {
    await getEventOrThrow(tx, { accountId: p.accountId, id: p.eventId });
    const endpoint = await getWebhookEndpointOrThrow(tx, { accountId: p.accountId, id: p.endpointId });
    if (endpoint.status !== 'enabled') throw invalidRequest('This webhook endpoint is disabled; enable it before re-sending events to it.');

    const created = await tx
      .insert(webhookDeliveries)
      .values({ id: newId('whd'), accountId: p.accountId, eventId: p.eventId, endpointId: p.endpointId, nextAttemptAt: now })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (created.length) {
      await addPending(tx, p.eventId);
      return { deliveryId: created[0].id };
    }

    const [existing] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.eventId, p.eventId), eq(webhookDeliveries.endpointId, p.endpointId)))
      .for('update');
    if (existing.status === 'pending') {
      await tx.update(webhookDeliveries).set({ nextAttemptAt: now }).where(eq(webhookDeliveries.id, existing.id));
    } else {
      await tx
        .update(webhookDeliveries)
        .set({ status: 'pending', attemptCount: 0, nextAttemptAt: now, lockedUntil: null })
        .where(eq(webhookDeliveries.id, existing.id));
      await addPending(tx, p.eventId);
    }
    return { deliveryId: existing.id };
  });
}

// events.pending_webhooks follows the deliveries that are pending: the worker
// takes one off when a delivery settles, a re-send puts it back.
function addPending(tx: Tx, eventId: string) {
  return tx
    .update(events)
    .set({ pendingWebhooks: sql`${events.pendingWebhooks} + 1` })
    .where(eq(events.id, eventId));
}
