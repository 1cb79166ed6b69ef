import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
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

/** A delivery a worker holds; `lockToken` is its locked_until as text, which proves the claim is still that worker's. */
export type DeliveryClaim = { id: string; accountId: string; eventId: string; endpointId: string; attemptCount: number; lockToken: string };

// The injected instant, else the database clock (one clock for every process on the database).
const sqlNow = (now?: Date): SQL => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

/**
 * Leases up to `limit` due deliveries for `leaseSeconds`: one UPDATE over rows picked with FOR UPDATE SKIP LOCKED,
 * so concurrent claimers never take the same row, and a lease past its time (a worker that died) is taken over.
 */
export async function claimDueDeliveries(db: Queryable, p: { limit: number; leaseSeconds: number; now?: Date }): Promise<DeliveryClaim[]> {
  const now = sqlNow(p.now);
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now)),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db
    .update(webhookDeliveries)
    .set({ lockedUntil: sql`${now} + ${p.leaseSeconds}::int * interval '1 second'` })
    .where(inArray(webhookDeliveries.id, due))
    .returning({
      id: webhookDeliveries.id,
      accountId: webhookDeliveries.accountId,
      eventId: webhookDeliveries.eventId,
      endpointId: webhookDeliveries.endpointId,
      attemptCount: webhookDeliveries.attemptCount,
      // Text keeps the microseconds a JS Date would drop, so settling can match it exactly.
      lockToken: sql<string>`${webhookDeliveries.lockedUntil}::text`,
    });
}

/** Gives claims back unsettled (due again at once), each only if it is still the claimer's; returns how many were. */
export async function releaseDeliveryClaims(db: Queryable, claims: { id: string; lockToken: string }[]): Promise<number> {
  if (claims.length === 0) return 0;
  const released = await db
    .update(webhookDeliveries)
    .set({ lockedUntil: null })
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        or(...claims.map((c) => and(eq(webhookDeliveries.id, c.id), sql`${webhookDeliveries.lockedUntil} = ${c.lockToken}::timestamptz`))),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return released.length;
}
