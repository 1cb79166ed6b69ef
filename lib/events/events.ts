import { eq, inArray, like, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { pendingDeliveryCounts } from '@/db/queries/events';
import { events } from '@/db/schema';
import { invalidRequest } from '@/lib/api/errors';
import { createdFilter, listPage } from '@/lib/api/list';
import { serializeEvent } from '@/lib/api/serialize/event';
import type { ListEventsParams } from '@/lib/validation/events';
import { getEventOrThrow } from '@/lib/api/get-or-throw';
import type { AccountScope } from '@/db/scope';

// Events are kept (at least the 30 days Stripe lists): nothing here or elsewhere deletes them.

/** `checkout.session.*` matches by prefix; LIKE's own wildcards in the name are taken literally. */
function typeFilter(type: string | undefined): SQL | undefined {
  if (type === undefined) return undefined;
  if (!type.endsWith('*')) return eq(events.type, type);
  const prefix = type.slice(0, -1);
  return prefix ? like(events.type, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined;
}

export async function listEvents(db: Db, scope: AccountScope, p: ListEventsParams) {
  if (p.type !== undefined && p.types !== undefined) throw invalidRequest('You may pass either type or types, but not both.', 'types');
  const { rows, hasMore } = await listPage(db, events, {
    accountId: scope.accountId,
    kind: 'event',
    params: p,
    filters: [
      typeFilter(p.type),
      p.types?.length ? inArray(events.type, p.types) : undefined,
      ...createdFilter(events.createdAt, p.created),
    ],
  });
  const pending = await pendingDeliveryCounts(db, { accountId: scope.accountId, eventIds: rows.map((r) => r.id) });
  return { data: rows.map((r) => serializeEvent(r, pending.get(r.id) ?? 0)), hasMore };
}

export async function retrieveEvent(db: Db, scope: AccountScope & { id: string }) {
  const row = await getEventOrThrow(db, scope);
  const pending = await pendingDeliveryCounts(db, { accountId: scope.accountId, eventIds: [row.id] });
  return serializeEvent(row, pending.get(row.id) ?? 0);
}
