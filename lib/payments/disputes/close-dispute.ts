import type { Db } from '@/db/client';
import { updateDisputeIfStatus, type DisputeStatus } from '@/db/queries/disputes';
import type { AccountScope } from '@/db/scope';
import { serializeDispute } from '@/lib/api/serialize/dispute';
import { recordEvent } from '@/lib/events/record-event';
import { present } from '@/lib/util/present';
import { alreadyClosed, underReviewNotClosable } from './dispute-errors';
import { CLOSED_STATUSES, lockOpenDispute } from './lock-open-dispute';

/** Accepting a dispute before responding: a chargeback is lost, an inquiry closed. */
const ACCEPTED: Partial<Record<DisputeStatus, DisputeStatus>> = { needs_response: 'lost', warning_needs_response: 'warning_closed' };

/**
 * Closes a dispute (POST /v1/disputes/:id/close and the dashboard): the merchant accepts it, with no
 * evidence to give. Only while it waits for a response (Stripe: needs_response → lost); not once
 * evidence was submitted, nor twice. The money stays with the customer; any announced decision is
 * dropped. Records `charge.dispute.closed`.
 */
export async function closeDispute(db: Db, scope: AccountScope, id: string, _opts: { now?: Date } = {}) {
  return db.transaction(async (tx) => {
    const { dispute, charge } = await lockOpenDispute(tx, scope, id);
    if (CLOSED_STATUSES.includes(dispute.status)) throw alreadyClosed(dispute.status);
    const to = ACCEPTED[dispute.status];
    if (!to) throw underReviewNotClosable();
    const closed = present(
      await updateDisputeIfStatus(tx, {
        accountId: scope.accountId,
        id,
        from: dispute.status,
        set: { status: to, dueAt: null, pending: null },
      }),
      'the locked dispute, still in the status it was read in',
    );
    const object = serializeDispute(closed, charge.card);
    await recordEvent(tx, { accountId: scope.accountId, type: 'charge.dispute.closed', object, request: scope.request });
    return object;
  });
}
