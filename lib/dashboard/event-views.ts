import 'server-only';
import type { Queryable } from '@/db/client';
import { deliveriesOfEvents, eventsAboutObjects } from '@/db/queries/session-events';

/** An event about an object shown on its dashboard page, with where its webhooks went. */
export type EventView = {
  id: string;
  type: string;
  created: Date;
  deliveries: { id: string; status: string; attempts: number; lastStatusCode: number | null; endpointUrl: string }[];
};

/** The account's events about some objects (data.object.id one of `objectIds`), oldest first, each with its webhook deliveries. */
export async function eventViewsAbout(db: Queryable, p: { accountId: string; objectIds: string[] }): Promise<EventView[]> {
  const events = await eventsAboutObjects(db, p);
  const deliveries = await deliveriesOfEvents(db, { accountId: p.accountId, eventIds: events.map((e) => e.id) });
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    created: e.createdAt,
    deliveries: deliveries
      .filter((d) => d.eventId === e.id)
      .map((d) => ({ id: d.id, status: d.status, attempts: d.attemptCount, lastStatusCode: d.lastStatusCode, endpointUrl: d.endpointUrl })),
  }));
}
