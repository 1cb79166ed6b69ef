import type { Tx } from '@/db/client';
import { lockCharge, type ChargeRow } from '@/db/queries/charges';
import { findDispute, lockDispute, type DisputeRow, type DisputeStatus } from '@/db/queries/disputes';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { present } from '@/lib/util/present';

export type LockedDispute = { dispute: DisputeRow & { status: DisputeStatus }; charge: ChargeRow };

/** Statuses after which a dispute takes no more changes. */
export const CLOSED_STATUSES: readonly DisputeStatus[] = ['won', 'lost', 'warning_closed'];

/**
 * One of the account's opened disputes for a change, in the caller's transaction: its charge locked
 * first (as refunds and captures lock it), then the dispute itself, re-read under the lock. A dispute
 * the processor has only announced does not exist yet: 404, as another account's.
 */
export async function lockOpenDispute(tx: Tx, scope: AccountScope, id: string): Promise<LockedDispute> {
  const seen = await findDispute(tx, { accountId: scope.accountId, id });
  if (!seen?.status) throw noSuchObject('dispute', id);
  const charge = present(await lockCharge(tx, { accountId: scope.accountId, id: seen.chargeId }), "a dispute's charge");
  const dispute = present(await lockDispute(tx, { accountId: scope.accountId, id }), 'a dispute seen a moment ago');
  const status = present(dispute.status, "an opened dispute's status");
  return { dispute: { ...dispute, status }, charge };
}
