import { eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { chargeCards, findDispute, type DisputeRow } from '@/db/queries/disputes';
import { disputes } from '@/db/schema';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import { serializeDispute } from '@/lib/api/serialize/dispute';
import type { ListDisputesParams } from '@/lib/validation/disputes';

/** The serialized disputes, each with its charge's card (what payment_method_details shows). */
async function withCards(db: Queryable, accountId: string, rows: DisputeRow[]) {
  const cards = await chargeCards(db, { accountId, ids: [...new Set(rows.map((r) => r.chargeId))] });
  return rows.map((r) => serializeDispute(r, cards.get(r.chargeId) ?? null));
}

/** One of the account's disputes; one the processor has only announced is not there yet. */
export async function retrieveDispute(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findDispute(db, scope);
  if (!row?.status) throw noSuchObject('dispute', scope.id);
  const [object] = await withCards(db, scope.accountId, [row]);
  return object;
}

export async function listDisputes(db: Queryable, scope: AccountScope, p: ListDisputesParams) {
  const { rows, hasMore } = await listPage(db, disputes, {
    accountId: scope.accountId,
    kind: 'dispute',
    params: p,
    filters: [
      isNotNull(disputes.status),
      p.charge ? eq(disputes.chargeId, p.charge) : undefined,
      p.payment_intent ? eq(disputes.paymentIntentId, p.payment_intent) : undefined,
      ...createdFilter(disputes.createdAt, p.created),
    ],
  });
  return listObject('/v1/disputes', await withCards(db, scope.accountId, rows), hasMore);
}
