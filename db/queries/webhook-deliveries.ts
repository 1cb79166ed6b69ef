import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from '../schema';

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

// A delivery with the type of the event it carries and the URL it goes to.
function deliveries(db: Queryable, where: SQL | undefined) {
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      endpointId: webhookDeliveries.endpointId,
      status: webhookDeliveries.status,
      attemptCount: webhookDeliveries.attemptCount,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      createdAt: webhookDeliveries.createdAt,
      eventType: events.type,
      endpointUrl: webhookEndpoints.url,
    })
    .from(webhookDeliveries)
    .innerJoin(events, and(eq(events.id, webhookDeliveries.eventId), eq(events.accountId, webhookDeliveries.accountId)))
    .innerJoin(
      webhookEndpoints,
      and(eq(webhookEndpoints.id, webhookDeliveries.endpointId), eq(webhookEndpoints.accountId, webhookDeliveries.accountId)),
    )
    .where(where);
}

export type DeliveryListRow = Awaited<ReturnType<typeof deliveries>>[number];

/** An endpoint's latest deliveries, newest first. */
export async function listEndpointDeliveries(
  db: Queryable,
  p: { accountId: string; endpointId: string; limit: number },
): Promise<DeliveryListRow[]> {
  return deliveries(db, and(eq(webhookDeliveries.accountId, p.accountId), eq(webhookDeliveries.endpointId, p.endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(p.limit);
}

/** Every delivery of one event, to whichever endpoint (deleted ones included: they are history). */
export async function listEventDeliveries(db: Queryable, p: { accountId: string; eventId: string }): Promise<DeliveryListRow[]> {
  return deliveries(db, and(eq(webhookDeliveries.accountId, p.accountId), eq(webhookDeliveries.eventId, p.eventId))).orderBy(
    asc(webhookDeliveries.createdAt),
  );
}

export async function findDelivery(db: Queryable, p: { accountId: string; id: string }): Promise<DeliveryListRow | null> {
  const rows = await deliveries(db, and(eq(webhookDeliveries.accountId, p.accountId), eq(webhookDeliveries.id, p.id))).limit(1);
  return rows.at(0) ?? null;
}

/** A delivery's attempts, newest first. The caller has already scoped the delivery to the account. */
export function listAttempts(db: Queryable, p: { deliveryId: string }): Promise<AttemptRow[]> {
  return db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, p.deliveryId)).orderBy(desc(webhookAttempts.attemptedAt));
}
