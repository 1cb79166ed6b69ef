import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { events, webhookDeliveries, webhookEndpoints } from '../schema';

/**
 * The account's events about some objects (a session and its payment intent):
 * those whose data.object.id is one of `objectIds`, oldest first. Scoped by the
 * account through events_account_seq_idx; an account has few enough events per
 * dashboard view that the jsonb test on its rows needs no index of its own.
 */
export async function eventsAboutObjects(db: Queryable, p: { accountId: string; objectIds: string[]; limit?: number }) {
  if (p.objectIds.length === 0) return [];
  return db
    .select({ id: events.id, type: events.type, createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.accountId, p.accountId), inArray(sql<string>`${events.data}->'object'->>'id'`, p.objectIds)))
    .orderBy(asc(events.seq))
    .limit(p.limit ?? 100);
}

/** The webhook deliveries of some events, with the endpoint each went to. */
export async function deliveriesOfEvents(db: Queryable, p: { accountId: string; eventIds: string[] }) {
  if (p.eventIds.length === 0) return [];
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      status: webhookDeliveries.status,
      attemptCount: webhookDeliveries.attemptCount,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      endpointUrl: webhookEndpoints.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.id, webhookDeliveries.endpointId), eq(webhookEndpoints.accountId, p.accountId)))
    .where(and(eq(webhookDeliveries.accountId, p.accountId), inArray(webhookDeliveries.eventId, p.eventIds)))
    .orderBy(asc(webhookDeliveries.createdAt));
}
