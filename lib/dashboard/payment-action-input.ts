import 'server-only';
import type { z } from 'zod';
import type { Queryable } from '@/db/client';
import { findCharge, type ChargeRow } from '@/db/queries/charges';
import { openedDisputeOfCharge } from '@/db/queries/dashboard-payments';
import { findPaymentIntent } from '@/db/queries/payment-intents';
import { ActionError, issuesToCodes } from '@/lib/actions/errors';
import { noSuchObject } from '@/lib/api/errors';
import { majorToMinor } from '@/lib/money/major-units';
import {
  makeCaptureFormSchema,
  makeRefundFormSchema,
  type CaptureFormValues,
  type RefundFormValues,
} from '@/lib/validation/dashboard-payments';
import { refundableAmount } from './payment-detail';

/**
 * The dashboard's payment forms, turned into the parameters of lib/payments on the server: the charge
 * as it is now (the account's own, else `not_found`), and the amount typed in its currency's major units
 * as minor units, checked against what the charge still allows. lib/payments checks again under the
 * charge's lock; this check is what puts a plain "too much" on the amount field in the dashboard's words.
 */

type Scope = { accountId: string };

async function chargeOrThrow(db: Queryable, scope: Scope, chargeId: string): Promise<ChargeRow> {
  const charge = await findCharge(db, { accountId: scope.accountId, id: chargeId });
  if (!charge) throw noSuchObject('charge', chargeId);
  return charge;
}

function checked(schema: z.ZodType, values: unknown): void {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const codes = issuesToCodes(parsed.error);
    throw new ActionError(codes.code, codes.fields);
  }
}

/** The amount typed, in minor units: the form's schema has checked it is a plain number. */
const minorOf = (amount: string, currency: string) => majorToMinor(amount, currency) ?? 0;

/** A refund's amount in minor units. When nothing is left to refund, lib/payments says why (refunded already, charged back). */
export async function refundInput(db: Queryable, scope: Scope, chargeId: string, v: RefundFormValues): Promise<{ amount: number }> {
  const charge = await chargeOrThrow(db, scope, chargeId);
  const dispute = await openedDisputeOfCharge(db, { accountId: scope.accountId, chargeId });
  const refundable = refundableAmount(charge, dispute);
  if (refundable > 0) checked(makeRefundFormSchema({ currency: charge.currency, refundable }), v);
  return { amount: minorOf(v.amount, charge.currency) };
}

/** The payment intent to capture and the amount. When it no longer waits for capture, lib/payments says so. */
export async function captureInput(
  db: Queryable,
  scope: Scope,
  chargeId: string,
  v: CaptureFormValues,
): Promise<{ paymentIntentId: string; amount: number }> {
  const charge = await chargeOrThrow(db, scope, chargeId);
  const intent = await findPaymentIntent(db, { accountId: scope.accountId, id: charge.paymentIntentId });
  if (intent?.status === 'requires_capture' && !charge.captured)
    checked(makeCaptureFormSchema({ currency: charge.currency, capturable: charge.amount }), v);
  return { paymentIntentId: charge.paymentIntentId, amount: minorOf(v.amount, charge.currency) };
}

/** The payment intent behind one of the account's charges. */
export async function chargeIntentId(db: Queryable, scope: Scope, chargeId: string): Promise<string> {
  return (await chargeOrThrow(db, scope, chargeId)).paymentIntentId;
}
