import type { EventRow } from '@/db/queries/events';
import { unix } from '@/lib/util/time';

/**
 * Stripe's Event. `account` and `context` are left out: Stripe sends them only
 * for Connect and v2 events. `pending_webhooks` is the caller's live count of
 * pending deliveries, else the number fanned out when the event was written.
 */
export function serializeEvent(row: EventRow, pendingWebhooks: number = row.pendingWebhooks) {
  return {
    id: row.id,
    object: 'event' as const,
    api_version: row.apiVersion,
    created: unix(row.createdAt),
    data: row.data,
    livemode: row.livemode,
    pending_webhooks: pendingWebhooks,
    // Events caused by the hosted page rather than an API call have no request, shown as nulls (as Stripe's automatic events).
    request: { id: row.requestId, idempotency_key: row.idempotencyKey },
    type: row.type,
  };
}
