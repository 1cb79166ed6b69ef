import type { Db, Tx } from '@/db/client';
import { lockExpiredAuthorizations, updateChargeFields, type ChargeRow } from '@/db/queries/charges';
import { serializeCharge } from '@/lib/api/serialize/charge';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import type { PaymentProcessor } from '../processor';
import { cancelAuthorization } from './release-authorization';
import { testProcessor } from '../test-processor';
import { log, errorText } from '@/lib/log';

/**
 * A follow-up step (FOLLOW_UP_STEPS): authorizations not captured by their deadline (capture_before, 7
 * days) are given back, a batch at a time. The charges are locked with FOR UPDATE SKIP LOCKED, and the
 * release is the conditional requires_capture → canceled of cancelAuthorization, so a capture or a
 * cancel that got there first wins and the expiry then changes nothing. As Stripe: the intent is
 * canceled with no Refund (API version 2025-03-31.basil), and charge.expired follows
 * payment_intent.canceled. Answers how many charges it looked at.
 */
export async function releaseExpiredAuthorizations(
  db: Db,
  now: Date,
  limit: number,
  processor: PaymentProcessor = testProcessor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await lockExpiredAuthorizations(tx, { now, limit });
    for (const charge of due) {
      // Each release in a savepoint of its own: a processor that fails on one charge leaves it for the next
      // sweep without holding back the rest of the batch.
      await tx
        .transaction((one) => releaseOne(one, charge, processor, now))
        .catch((err: unknown) => {
          log().error(
            { charge: charge.id, error: errorText(err) },
            'an expired authorization could not be released; the next sweep retries it',
          );
        });
    }
    return due.length;
  });
}

async function releaseOne(tx: Tx, charge: ChargeRow, processor: PaymentProcessor, now: Date): Promise<void> {
  const scope = { accountId: charge.accountId };
  // Stripe says `expired` here since 2025-03-31.basil.
  const released = await cancelAuthorization(tx, { scope, chargeId: charge.id, processor, cancellationReason: 'expired', now });
  if (released) {
    await recordEvent(tx, { accountId: charge.accountId, type: 'charge.expired', object: serializeCharge(released.charge, env().APP_URL) });
    return;
  }
  // Its intent no longer waits for capture: nothing left to release, and no reason to look at it again.
  await updateChargeFields(tx, { accountId: charge.accountId, id: charge.id, set: { captureBefore: null } });
}
