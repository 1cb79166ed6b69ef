import type { Queryable } from '@/db/client';
import { events } from '@/db/schema';
import { newId } from '@/lib/util/ids';

export const API_VERSION = '2026-10-28.endive';

export type EventRequest = { id: string | null; idempotencyKey: string | null };

/**
 * Writes an event in the caller's transaction (the outbox): it exists exactly
 * when the state change that caused it committed.
 */
export async function recordEvent(
  db: Queryable,
  p: {
    accountId: string;
    type: string;
    object: Record<string, unknown>;
    previousAttributes?: Record<string, unknown>;
    request?: EventRequest;
  },
): Promise<string> {
  const id = newId('evt');
  await db.insert(events).values({
    id,
    accountId: p.accountId,
    type: p.type,
    apiVersion: API_VERSION,
    data: { object: p.object, ...(p.previousAttributes ? { previous_attributes: p.previousAttributes } : {}) },
    requestId: p.request?.id ?? null,
    idempotencyKey: p.request?.idempotencyKey ?? null,
  });
  return id;
}

/** The fields of `after` whose values differ from `before`, with their old values. */
export function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) if (JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = before[k] ?? null;
  return out;
}
