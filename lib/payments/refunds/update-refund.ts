import type { Db } from '@/db/client';
import { updateRefundFields } from '@/db/queries/refunds';
import type { AccountScope } from '@/db/scope';
import { lockRefundOrThrow } from '@/lib/api/get-or-throw';
import { mergeMetadata } from '@/lib/api/params';
import { serializeRefund } from '@/lib/api/serialize/refund';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import type { UpdateRefundParams } from '@/lib/validation/refunds';

/**
 * Changes a refund's metadata, the one thing Stripe lets a merchant update. Events: refund.updated and,
 * as Stripe sends for a refund of a charge, charge.refund.updated, both with the previous metadata.
 */
export async function updateRefund(db: Db, scope: AccountScope & { id: string }, params: UpdateRefundParams) {
  const { accountId } = scope;
  return db.transaction(async (tx) => {
    const current = await lockRefundOrThrow(tx, scope);
    const row = await updateRefundFields(tx, {
      accountId,
      id: current.id,
      set: { metadata: mergeMetadata(current.metadata, params.metadata) },
    });
    const object = serializeRefund(row);
    const previous = previousAttributes(serializeRefund(current), object);
    const request = scope.request;
    await recordEvent(tx, { accountId, type: 'refund.updated', object, previousAttributes: previous, request });
    await recordEvent(tx, { accountId, type: 'charge.refund.updated', object, previousAttributes: previous, request });
    return object;
  });
}
