import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client';
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from '../schema';
import { sqlNow } from '../sql-now';

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

/** One pending delivery per endpoint subscribed to a new event, written with the event (the outbox). */
export async function insertPendingDeliveries(
  db: Queryable,
  p: { accountId: string; eventId: string; deliveries: { id: string; endpointId: string }[] },
): Promise<void> {
  await db
    .insert(webhookDeliveries)
    .values(p.deliveries.map((d) => ({ id: d.id, accountId: p.accountId, eventId: p.eventId, endpointId: d.endpointId })));
}

/** One attempt in a delivery's history. The caller has already scoped the delivery to the account. */
export async function recordDeliveryAttempt(
  db: Queryable,
  p: {
    id: string;
    deliveryId: string;
    now?: Date;
    statusCode: number | null;
    latencyMs: number;
    responseExcerpt: string | null;
    error: string | null;
  },
): Promise<void> {
  await db.insert(webhookAttempts).values({
    id: p.id,
    deliveryId: p.deliveryId,
    attemptedAt: sqlNow(p.now),
    statusCode: p.statusCode,
    latencyMs: p.latencyMs,
    responseExcerpt: p.responseExcerpt,
    error: p.error,
  });
}

/**
 * Moves a claimed delivery on and clears its lease, only while the claim is still the caller's (still pending,
 * locked_until still its token): false when another worker took it over. `lastStatusCode` is written when given
 * (null included: an attempt without a reply); `retryInMs` sets the next attempt that far after `now`.
 */
export async function settleDelivery(
  db: Queryable,
  p: {
    accountId: string;
    id: string;
    lockToken: string;
    status: 'pending' | 'succeeded' | 'failed';
    attemptCount: number;
    lastStatusCode?: number | null;
    retryInMs: number | null;
    now?: Date;
  },
): Promise<boolean> {
  const now = sqlNow(p.now);
  const updated = await db
    .update(webhookDeliveries)
    .set({
      status: p.status,
      attemptCount: p.attemptCount,
      lockedUntil: null,
      ...(p.lastStatusCode !== undefined && { lastStatusCode: p.lastStatusCode }),
      ...(p.retryInMs !== null && { nextAttemptAt: sql`${now} + ${p.retryInMs}::double precision * interval '1 millisecond'` }),
    })
    .where(
      and(
        eq(webhookDeliveries.accountId, p.accountId),
        eq(webhookDeliveries.id, p.id),
        eq(webhookDeliveries.status, 'pending'),
        sql`${webhookDeliveries.lockedUntil} = ${p.lockToken}::timestamptz`,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return updated.length > 0;
}

/** A re-sent event's delivery to an endpoint it has none for, due at `now`: its id, or null when there is one already. */
export async function insertResentDelivery(
  db: Queryable,
  p: { id: string; accountId: string; eventId: string; endpointId: string; now?: Date },
): Promise<string | null> {
  const created = await db
    .insert(webhookDeliveries)
    .values({ id: p.id, accountId: p.accountId, eventId: p.eventId, endpointId: p.endpointId, nextAttemptAt: sqlNow(p.now) })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return created.at(0)?.id ?? null;
}

/** The delivery of one event to one endpoint, held for the rest of the transaction. */
export async function lockEventEndpointDelivery(
  db: Queryable,
  p: { accountId: string; eventId: string; endpointId: string },
): Promise<DeliveryRow | null> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.accountId, p.accountId),
        eq(webhookDeliveries.eventId, p.eventId),
        eq(webhookDeliveries.endpointId, p.endpointId),
      ),
    )
    .for('update');
  return rows.at(0) ?? null;
}

/** A pending delivery made due at `now`; its lease, if a worker holds one, stays valid. */
export async function bringDeliveryForward(db: Queryable, p: { accountId: string; id: string; now?: Date }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sqlNow(p.now) })
    .where(and(eq(webhookDeliveries.accountId, p.accountId), eq(webhookDeliveries.id, p.id)));
}

/** A settled delivery made pending again, due at `now`, with a fresh set of retries. */
export async function restartDelivery(db: Queryable, p: { accountId: string; id: string; now?: Date }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attemptCount: 0, nextAttemptAt: sqlNow(p.now), lockedUntil: null })
    .where(and(eq(webhookDeliveries.accountId, p.accountId), eq(webhookDeliveries.id, p.id)));
}

/**
 * Gives up every delivery still pending for an endpoint (it is being deleted). One statement however many there
 * are; each event loses one pending webhook, as when the worker settles a delivery.
 */
export async function giveUpEndpointDeliveries(db: Queryable, p: { accountId: string; endpointId: string }): Promise<void> {
  await db.execute(sql`
      with given_up as (
        update webhook_deliveries set status = 'failed'
        where account_id = ${p.accountId} and endpoint_id = ${p.endpointId} and status = 'pending' returning event_id
      )
      update events set pending_webhooks = greatest(pending_webhooks - 1, 0) where account_id = ${p.accountId} and id in (select event_id from given_up)`);
}
