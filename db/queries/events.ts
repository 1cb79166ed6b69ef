import { and, count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { events, webhookDeliveries } from '../schema';

export type EventRow = typeof events.$inferSelect;

export async function findEvent(db: Queryable, p: { accountId: string; id: string }): Promise<EventRow | null> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.accountId, p.accountId), eq(events.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * How many deliveries of each event are still pending, counted now: the
 * worker settles deliveries, so the count stored at fan-out only says how
 * many there were. Events without one are absent from the map.
 */
export async function pendingDeliveryCounts(db: Queryable, p: { accountId: string; eventIds: string[] }): Promise<Map<string, number>> {
  if (p.eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: webhookDeliveries.eventId, n: count() })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.accountId, p.accountId),
        inArray(webhookDeliveries.eventId, p.eventIds),
        eq(webhookDeliveries.status, 'pending'),
      ),
    )
    .groupBy(webhookDeliveries.eventId);
  return new Map(rows.map((r) => [r.eventId, r.n]));
}
