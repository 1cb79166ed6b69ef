import type { Db } from '@/db/client';
import { findCharge } from '@/db/queries/charges';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import type { CaptureChargeParams } from '@/lib/validation/charges';
import { captureTooLarge, chargeAlreadyCaptured } from './authorization-errors';
import { capturePaymentIntent } from './capture-payment-intent';
import { retrieveCharge } from '../charge-reads';
import type { PaymentProcessor } from '../processor';

/**
 * POST /v1/charges/:id/capture, the Charges API's capture: the PaymentIntent's capture
 * (capturePaymentIntent) of the charge's intent, answered with the charge.
 */
export async function captureCharge(
  db: Db,
  scope: AccountScope & { id: string },
  params: CaptureChargeParams,
  opts: { processor?: PaymentProcessor; now?: Date } = {},
) {
  const charge = await findCharge(db, scope);
  if (!charge) throw noSuchObject('charge', scope.id);
  if (charge.captured) throw chargeAlreadyCaptured(charge.id);
  // A charge's amount never changes: checked here, the error names this endpoint's parameter.
  if (params.amount !== undefined && params.amount > charge.amount) throw captureTooLarge('amount');
  await capturePaymentIntent(
    db,
    { accountId: scope.accountId, request: scope.request },
    charge.paymentIntentId,
    { amount_to_capture: params.amount },
    opts,
  );
  return retrieveCharge(db, scope);
}
