import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { ScopeRequest } from '@/db/scope';
import { events, webhookDeliveries, webhookEndpoints } from '@/db/schema';
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
  const endpoints = await subscribedEndpoints(db, p.accountId, p.type);
  await db.insert(events).values({
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
    await db
      .insert(webhookDeliveries)
      .values(endpoints.map((e) => ({ id: newId('whd'), accountId: p.accountId, eventId: id, endpointId: e.id })));
  return id;
}

/**
 * The account's live endpoints whose enabled_events hold this type or '*':
 * one indexed query on every write, usually answering nothing.
 */
function subscribedEndpoints(db: Queryable, accountId: string, type: string): Promise<{ id: string }[]> {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.accountId, accountId),
        eq(webhookEndpoints.deleted, false),
        eq(webhookEndpoints.status, 'enabled'),
        sql`(${webhookEndpoints.enabledEvents} @> ${JSON.stringify([type])}::jsonb or ${webhookEndpoints.enabledEvents} @> '["*"]'::jsonb)`,
      ),
    )
    .orderBy(webhookEndpoints.seq);
}

/** The fields of `after` whose values differ from `before`, with their old values. */
export function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) if (JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = before[k] ?? null;
  return out;
}
