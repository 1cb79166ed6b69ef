import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { findSetupIntent } from '@/db/queries/setup-intents';
import { setupIntents } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import { serializeSetupIntent } from '@/lib/api/serialize/setup-intent';
import type { ListSetupIntentsParams } from '@/lib/validation/setup-intents';

// Stripe's "No such …" message names this object in one lowercase word.
const KIND = 'setupintent';

/** GET /v1/setup_intents/:id: another account's setup intent does not exist here. */
export async function retrieveSetupIntent(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findSetupIntent(db, scope);
  if (!row) throw noSuchObject(KIND, scope.id);
  return serializeSetupIntent(row);
}

/** The serialized setup intent, or null: for expansions, where a missing object leaves the id as it was. */
export async function loadSetupIntent(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findSetupIntent(db, scope);
  return row ? serializeSetupIntent(row) : null;
}

/** GET /v1/setup_intents: newest first, by customer, payment method or creation time. */
export async function listSetupIntents(db: Queryable, scope: AccountScope, p: ListSetupIntentsParams) {
  const { rows, hasMore } = await listPage(db, setupIntents, {
    accountId: scope.accountId,
    kind: KIND,
    params: p,
    filters: [
      p.customer ? eq(setupIntents.customerId, p.customer) : undefined,
      p.payment_method ? eq(setupIntents.paymentMethodId, p.payment_method) : undefined,
      p.attach_to_self ? sql`false` : undefined,
      ...createdFilter(setupIntents.createdAt, p.created),
    ],
  });
  return listObject('/v1/setup_intents', rows.map(serializeSetupIntent), hasMore);
}
