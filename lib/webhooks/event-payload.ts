import type { Queryable } from '@/db/client';
import { pendingDeliveryCounts, type EventRow } from '@/db/queries/events';
import { serializeEvent } from '@/lib/api/serialize/event';

/**
 * The request body of a delivery: the Event exactly as GET /v1/events/:id
 * shows it at the moment of sending (same serializer, same live count of
 * pending deliveries, which includes the one being sent — as Stripe's does).
 */
export async function eventPayload(db: Queryable, event: EventRow): Promise<string> {
  const pending = await pendingDeliveryCounts(db, { accountId: event.accountId, eventIds: [event.id] });
  return JSON.stringify(serializeEvent(event, pending.get(event.id) ?? 0));
}
