import { and, count, eq, inArray, sql } from 'drizzle-orm';
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

/** Writes an event (in the caller's transaction: the outbox), with the number of deliveries written alongside it. */
export async function insertEvent(
  db: Queryable,
  p: {
    id: string;
    accountId: string;
    type: string;
    apiVersion: string;
    data: EventRow['data'];
    requestId: string | null;
    idempotencyKey: string | null;
    pendingWebhooks: number;
  },
): Promise<void> {
  await db.insert(events).values({
    id: p.id,
    accountId: p.accountId,
    type: p.type,
    apiVersion: p.apiVersion,
    data: p.data,
    requestId: p.requestId,
    idempotencyKey: p.idempotencyKey,
    pendingWebhooks: p.pendingWebhooks,
  });
}

// events.pending_webhooks follows the deliveries that are pending: the worker
// takes one off when a delivery settles, a re-send puts it back.

/** One more pending delivery of the event (a re-send). */
export async function addPendingWebhook(db: Queryable, p: { accountId: string; eventId: string }): Promise<void> {
  await db
    .update(events)
    .set({ pendingWebhooks: sql`${events.pendingWebhooks} + 1` })
    .where(and(eq(events.accountId, p.accountId), eq(events.id, p.eventId)));
}

/** One pending delivery of the event fewer (one settled), never below zero. */
export async function removePendingWebhook(db: Queryable, p: { accountId: string; eventId: string }): Promise<void> {
  await db
    .update(events)
    .set({ pendingWebhooks: sql`greatest(${events.pendingWebhooks} - 1, 0)` })
    .where(and(eq(events.accountId, p.accountId), eq(events.id, p.eventId)));
}
