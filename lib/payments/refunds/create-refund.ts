import type { Db, Tx } from '@/db/client';
import { lockCharge, updateChargeFields, type ChargeRow } from '@/db/queries/charges';
import { findDisputeForCharge } from '@/db/queries/disputes';
import { findPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { insertRefund } from '@/db/queries/refunds';
import type { AccountScope } from '@/db/scope';
import { noSuchObject } from '@/lib/api/errors';
import { initialMetadata } from '@/lib/api/params';
import { serializeCharge } from '@/lib/api/serialize/charge';
import { serializeRefund } from '@/lib/api/serialize/refund';
import { env } from '@/lib/env';
import { previousAttributes, recordEvent } from '@/lib/events/record-event';
import { queueRefundReceipt } from '@/lib/receipts/queue-refund-receipt';
import { newId } from '@/lib/util/ids';
import { present } from '@/lib/util/present';
import type { CreateRefundParams } from '@/lib/validation/refunds';
import { disputeAllowsRefund } from '../disputes/dispute-allows-refund';
import { shownIntentOrThrow } from '../payment-intent-reads';
import type { PaymentProcessor, RefundOutcome } from '../processor';
import {
  alreadyRefunded,
  amountNotPositive,
  amountOverRemaining,
  chargeDisputed,
  chargeNotOfIntent,
  neitherChargeNorIntent,
  noSuccessfulCharge,
  partialUncaptured,
} from './refund-errors';
import { releaseAuthorization } from '../authorizations/release-authorization';
import { testProcessor } from '../test-processor';
import { testSepaRefund } from '../test-sepa';

export type { CreateRefundParams };

type Target = { charge: ChargeRow; intent: PaymentIntentRow };

/** The charge to refund, locked for the rest of the transaction, and its payment intent; both must be the account's and agree. */
async function lockTarget(tx: Tx, accountId: string, p: CreateRefundParams): Promise<Target> {
  let intent: PaymentIntentRow | null = null;
  if (p.payment_intent !== undefined) intent = await shownIntentOrThrow(tx, { accountId, id: p.payment_intent }, 'payment_intent');
  const chargeId = p.charge ?? intent?.latestChargeId;
  if (!chargeId) throw noSuccessfulCharge(present(intent, 'the payment intent to refund').id);
  const charge = await lockCharge(tx, { accountId, id: chargeId });
  if (!charge) throw noSuchObject('charge', chargeId, p.charge !== undefined ? 'charge' : 'payment_intent');
  if (intent && charge.paymentIntentId !== intent.id) throw chargeNotOfIntent(charge.id, intent.id);
  intent ??= present(await findPaymentIntent(tx, { accountId, id: charge.paymentIntentId }), "the charge's payment intent");
  return { charge, intent };
}

async function checkRefundable(tx: Tx, { charge, intent }: Target): Promise<void> {
  if (charge.status !== 'succeeded') throw noSuccessfulCharge(intent.id);
  if (!charge.disputed) return;
  const dispute = await findDisputeForCharge(tx, { accountId: charge.accountId, chargeId: charge.id });
  if (dispute?.status && !disputeAllowsRefund(dispute.status)) throw chargeDisputed(charge.id);
}

/** An authorization not captured yet is given back whole: its intent is canceled, as Stripe's refund of an uncaptured charge does. */
async function releaseUncaptured(tx: Tx, scope: AccountScope, t: Target, p: CreateRefundParams, processor: PaymentProcessor, now: Date) {
  const { charge, intent } = t;
  if (charge.amountRefunded > 0) throw alreadyRefunded(charge.id);
  if (p.amount !== undefined && p.amount > charge.amount) throw amountOverRemaining(charge, p.amount, charge.amount);
  if (p.amount !== undefined && p.amount < charge.amount) throw partialUncaptured();
  const released = await releaseAuthorization(tx, {
    scope,
    chargeId: charge.id,
    processor,
    cancellationReason: 'requested_by_customer',
    refundReason: p.reason ?? null,
    metadata: initialMetadata(p.metadata),
    now,
  });
  // The charge is locked, so only an intent already canceled some other way (never expected) gets here.
  if (!released) throw noSuccessfulCharge(intent.id);
  return serializeRefund(released.refund);
}

const refundedFields = (c: ReturnType<typeof serializeCharge>) => ({ amount_refunded: c.amount_refunded, refunded: c.refunded });

/**
 * Refunds a charge, in full or in part (by default, all that is left): the one code path of the API and
 * the dashboard. The charge stays locked from the first check to the last write, so refunds racing for the
 * same charge take turns and never give back more than was captured. The processor is asked under that
 * lock, after the checks and before the writes: its error rolls everything back. A refund the processor
 * says will change later (a SEPA refund settling, a card refund failing) keeps that change with its due
 * time for the follow-up sweep (apply-due-refund-changes.ts). Events: refund.created, charge.refunded.
 */
export async function createRefund(
  db: Db,
  scope: AccountScope,
  params: CreateRefundParams,
  opts: { processor?: PaymentProcessor; now?: Date } = {},
) {
  const processor = opts.processor ?? testProcessor;
  const now = opts.now ?? new Date();
  if (params.charge === undefined && params.payment_intent === undefined) throw neitherChargeNorIntent();
  // A refund moves money: never 0, never back the other way, whoever built the parameters.
  if (params.amount !== undefined && !(Number.isSafeInteger(params.amount) && params.amount >= 1)) throw amountNotPositive();
  const { accountId } = scope;
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, accountId, params);
    await checkRefundable(tx, target);
    const { charge, intent } = target;
    if (!charge.captured) return releaseUncaptured(tx, scope, target, params, processor, now);

    const remaining = charge.amountCaptured - charge.amountRefunded;
    if (remaining <= 0) throw alreadyRefunded(charge.id);
    const amount = params.amount ?? remaining;
    if (amount > remaining) throw amountOverRemaining(charge, amount, remaining);

    const id = newId('re');
    const outcome: RefundOutcome = charge.sepaDebit
      ? testSepaRefund(env().SEPA_TEST_SETTLE_SECONDS)
      : await processor.refund({
          refundId: id,
          attemptId: intent.attemptId ?? intent.id,
          amount,
          currency: charge.currency,
          chargeState: charge.processorState,
        });
    const later = outcome.later;
    const refund = await insertRefund(tx, {
      id,
      accountId,
      livemode: charge.livemode,
      createdAt: now,
      chargeId: charge.id,
      paymentIntentId: intent.id,
      customerId: charge.customerId,
      paymentMethodId: charge.paymentMethodId,
      amount,
      currency: charge.currency,
      status: outcome.status,
      reason: params.reason ?? null,
      metadata: initialMetadata(params.metadata),
      dueAt: later ? new Date(now.getTime() + later.afterMs) : null,
      pending: later ? { status: later.status, failure_reason: later.failureReason } : null,
    });
    // Pending refunds count too, as in Stripe; one that fails or is canceled gives its amount back.
    const refunded = await updateChargeFields(tx, { accountId, id: charge.id, set: { amountRefunded: charge.amountRefunded + amount } });
    await queueRefundReceipt(tx, { charge: refunded, refund });
    const object = serializeRefund(refund);
    const request = scope.request;
    await recordEvent(tx, { accountId, type: 'refund.created', object, request });
    const before = serializeCharge(charge, env().APP_URL);
    const after = serializeCharge(refunded, env().APP_URL);
    await recordEvent(tx, {
      accountId,
      type: 'charge.refunded',
      object: after,
      previousAttributes: previousAttributes(refundedFields(before), refundedFields(after)),
      request,
    });
    return object;
  });
}
