import type { Db } from '@/db/client';
import { listAttempts, listEndpointDeliveries, listEventDeliveries } from '@/db/queries/webhook-deliveries';
import { listAccountEndpoints, type WebhookEndpointRow } from '@/db/queries/webhook-endpoints';
import { eventPayload } from './event-payload';
import { resendDelivery } from './resend';
import { getDeliveryOrThrow, getEventOrThrow, getWebhookEndpointOrThrow } from '@/lib/api/get-or-throw';
import '@/lib/security/sealed-columns';
import type { AccountScope } from '@/db/scope';

/** What the dashboard shows of an endpoint: never its signing secret (that is shown only on create and roll). */
export type EndpointView = Pick<
  WebhookEndpointRow,
  'id' | 'url' | 'description' | 'enabledEvents' | 'status' | 'disabledReason' | 'failingSince' | 'createdAt'
>;

const view = (r: WebhookEndpointRow): EndpointView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  enabledEvents: r.enabledEvents,
  status: r.status,
  disabledReason: r.disabledReason,
  failingSince: r.failingSince,
  createdAt: r.createdAt,
});

export async function listEndpointViews(db: Db, scope: AccountScope): Promise<EndpointView[]> {
  return (await listAccountEndpoints(db, scope)).map(view);
}

/** One endpoint and its latest deliveries. */
export async function endpointWithDeliveries(db: Db, scope: AccountScope & { id: string }, limit = 50) {
  const endpoint = view(await getWebhookEndpointOrThrow(db, scope));
  const deliveries = await listEndpointDeliveries(db, { accountId: scope.accountId, endpointId: endpoint.id, limit });
  return { endpoint, deliveries };
}

/**
 * One delivery, its attempts and the body it sends: the event as the worker
 * renders it (lib/webhooks/event-payload.ts), so what is shown is what goes out.
 */
export async function deliveryDetail(db: Db, scope: AccountScope & { id: string }) {
  const delivery = await getDeliveryOrThrow(db, scope);
  const event = await getEventOrThrow(db, { accountId: scope.accountId, id: delivery.eventId });
  const [attempts, body] = await Promise.all([listAttempts(db, { deliveryId: delivery.id }), eventPayload(db, event)]);
  return { delivery, attempts, requestBody: JSON.stringify(JSON.parse(body), null, 2) };
}

export async function deliveriesOfEvent(db: Db, scope: AccountScope & { eventId: string }) {
  return listEventDeliveries(db, scope);
}

/** "Resend" of one delivery, by its id as the dashboard links it (lib/webhooks/resend.ts does the work). */
export async function resendDeliveryById(db: Db, scope: AccountScope & { id: string }) {
  const delivery = await getDeliveryOrThrow(db, scope);
  return resendDelivery(db, { accountId: scope.accountId, eventId: delivery.eventId, endpointId: delivery.endpointId });
}

/** Whether a delivery will be tried within the minute: the dashboard watches those for their outcome. */
export function dueSoon(d: { status: string; nextAttemptAt: Date }, now = new Date()): boolean {
  return d.status === 'pending' && d.nextAttemptAt.getTime() <= now.getTime() + 60_000;
}
