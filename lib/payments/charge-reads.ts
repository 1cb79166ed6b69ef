import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { findCharge } from '@/db/queries/charges';
import { charges } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import { serializeCharge } from '@/lib/api/serialize/charge';
import { env } from '@/lib/env';
import type { ListChargesParams } from '@/lib/validation/charges';

export async function retrieveCharge(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findCharge(db, scope);
  if (!row) throw noSuchObject('charge', scope.id);
  return serializeCharge(row, env().APP_URL);
}

/** The serialized charge, or null: for expansions, where a missing object leaves the id as it was. */
export async function loadCharge(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findCharge(db, scope);
  return row ? serializeCharge(row, env().APP_URL) : null;
}

export async function listCharges(db: Queryable, scope: AccountScope, p: ListChargesParams) {
  const { rows, hasMore } = await listPage(db, charges, {
    accountId: scope.accountId,
    kind: 'charge',
    params: p,
    filters: [
      p.customer ? eq(charges.customerId, p.customer) : undefined,
      p.payment_intent ? eq(charges.paymentIntentId, p.payment_intent) : undefined,
      ...createdFilter(charges.createdAt, p.created),
    ],
  });
  const appUrl = env().APP_URL;
  return listObject(
    '/v1/charges',
    rows.map((r) => serializeCharge(r, appUrl)),
    hasMore,
  );
}
