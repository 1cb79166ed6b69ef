import type { Db } from '@/db/client';
import { lockCharge, updateChargeFields } from '@/db/queries/charges';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { mergeMetadata } from '@/lib/api/params';
import { serializeCharge, type StoredChargeShipping } from '@/lib/api/serialize/charge';
import { env } from '@/lib/env';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { storedAddress } from '@/lib/validation/address';
import type { UpdateChargeParams } from '@/lib/validation/charges';

type ShippingParams = NonNullable<UpdateChargeParams['shipping']>;

// Stripe shows every key, null when not given; the whole shipping given replaces the old one.
function toShipping(s: ShippingParams): StoredChargeShipping {
  return {
    address: storedAddress(s.address),
    name: s.name,
    carrier: s.carrier ?? null,
    phone: s.phone ?? null,
    tracking_number: s.tracking_number ?? null,
  };
}

/**
 * POST /v1/charges/:id: the description, metadata, receipt email and shipping, under the charge's lock
 * (captures and refunds change it too). Records charge.updated with the previous values of what changed.
 */
export async function updateCharge(db: Db, scope: AccountScope & { id: string }, p: UpdateChargeParams) {
  return db.transaction(async (tx) => {
    const current = await lockCharge(tx, scope);
    if (!current) throw noSuchObject('charge', scope.id);
    const row = await updateChargeFields(tx, {
      accountId: scope.accountId,
      id: scope.id,
      set: {
        ...(p.description !== undefined && { description: p.description }),
        ...(p.receipt_email !== undefined && { receiptEmail: p.receipt_email }),
        ...(p.shipping !== undefined && { shipping: toShipping(p.shipping) }),
        metadata: mergeMetadata(current.metadata, p.metadata),
      },
    });
    const appUrl = env().APP_URL;
    const before = serializeCharge(current, appUrl);
    const object = serializeCharge(row, appUrl);
    const changed = previousAttributes(before, object);
    // Stripe sends charge.updated only when something changed.
    if (Object.keys(changed).length)
      await recordEvent(tx, {
        accountId: scope.accountId,
        type: 'charge.updated',
        object,
        previousAttributes: changed,
        request: scope.request,
      });
    return object;
  });
}
