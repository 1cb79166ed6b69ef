import type { Db } from '@/db/client';
import { addPendingWebhook } from '@/db/queries/events';
import { bringDeliveryForward, insertResentDelivery, lockEventEndpointDelivery, restartDelivery } from '@/db/queries/webhook-deliveries';
import { invalidRequest } from '@/lib/api/errors';
import { newId } from '@/lib/util/ids';
import { present } from '@/lib/util/present';
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
  const scope = { accountId: p.accountId };
  return db.transaction(async (tx) => {
    await getEventOrThrow(tx, { ...scope, id: p.eventId });
    const endpoint = await getWebhookEndpointOrThrow(tx, { ...scope, id: p.endpointId });
    if (endpoint.status !== 'enabled') throw invalidRequest('This webhook endpoint is disabled; enable it before re-sending events to it.');

    // events.pending_webhooks follows the deliveries that are pending: the worker
    // takes one off when a delivery settles, a re-send puts it back.
    const created = await insertResentDelivery(tx, {
      ...scope,
      id: newId('whd'),
      eventId: p.eventId,
      endpointId: p.endpointId,
      now: p.now,
    });
    if (created !== null) {
      await addPendingWebhook(tx, { ...scope, eventId: p.eventId });
      return { deliveryId: created };
    }

    // There is one already: the insert above conflicted with it.
    const existing = present(
      await lockEventEndpointDelivery(tx, { ...scope, eventId: p.eventId, endpointId: p.endpointId }),
      'the delivery a re-send conflicted with',
    );
    if (existing.status === 'pending') {
      await bringDeliveryForward(tx, { ...scope, id: existing.id, now: p.now });
    } else {
      await restartDelivery(tx, { ...scope, id: existing.id, now: p.now });
      await addPendingWebhook(tx, { ...scope, eventId: p.eventId });
    }
    return { deliveryId: existing.id };
  });
}
