import type { Queryable } from '@/db/client';
import { insertEvent } from '@/db/queries/events';
import { insertPendingDeliveries } from '@/db/queries/webhook-deliveries';
import { listSubscribedEndpoints } from '@/db/queries/webhook-endpoints';
import type { ScopeRequest } from '@/db/scope';
import { newId } from '@/lib/util/ids';
import type { EventType } from './event-types';

export const API_VERSION = '2026-10-28.endive';

/** The request recorded on an event: the one in the caller's AccountScope. */
export type EventRequest = ScopeRequest;

/**
 * Writes an event in the caller's transaction (the outbox): it exists exactly
 * when the state change that caused it committed, and so does one pending
 * delivery per endpoint subscribed to it, for the delivery worker to drain.
 * Endpoints created later do not receive it (as Stripe).
 */
export async function recordEvent(
  db: Queryable,
  p: {
    accountId: string;
    type: EventType;
    object: Record<string, unknown>;
    previousAttributes?: Record<string, unknown>;
    request?: EventRequest;
  },
): Promise<string> {
  const id = newId('evt');
  // The account's live endpoints subscribed to this type or '*': one indexed query on every write, usually answering nothing.
  const endpoints = await listSubscribedEndpoints(db, { accountId: p.accountId, type: p.type });
  await insertEvent(db, {
    id,
    accountId: p.accountId,
    type: p.type,
    apiVersion: API_VERSION,
    data: { object: p.object, ...(p.previousAttributes ? { previous_attributes: p.previousAttributes } : {}) },
    requestId: p.request?.id ?? null,
    idempotencyKey: p.request?.idempotencyKey ?? null,
    pendingWebhooks: endpoints.length,
  });
  if (endpoints.length)
    await insertPendingDeliveries(db, {
      accountId: p.accountId,
      eventId: id,
      deliveries: endpoints.map((e) => ({ id: newId('whd'), endpointId: e.id })),
    });
  return id;
}

/** The fields of `after` whose values differ from `before`, with their old values. */
export function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) if (JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = before[k] ?? null;
  return out;
}
