import type { Tx } from '@/db/client';
import { insertCharge, lockCharge, updateChargeFields, type ChargeRow } from '@/db/queries/charges';
import { insertDispute } from '@/db/queries/disputes';
import { updatePaymentIntentFields, type PaymentIntentRow } from '@/db/queries/payment-intents';
import type { StoredBillingDetails, StoredChargeOutcome } from '@/db/schema';
import { serializeCharge } from '@/lib/api/serialize/charge';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import { newId } from '@/lib/util/ids';

/** Stripe keeps a card authorization for 7 days; an uncaptured one is released after that. */
export const AUTHORIZATION_DAYS = 7;

const AUTHORIZED: StoredChargeOutcome = {
  network_status: 'approved_by_network',
  reason: null,
  risk_level: 'normal',
  risk_score: null,
  seller_message: 'Payment complete.',
  type: 'authorized',
};

/** What the processor said about the charge it accepted, for what follows it. */
export type ChargeFollowUp = {
  chargeState: Record<string, string> | null;
  dispute: { reason: string; afterMs: number } | null;
};

/**
 * The charge behind a payment intent the processor accepted, in the caller's transaction: `succeeded`
 * (captured, or only authorized when the intent waits for capture) for a card, `pending` for a debit
 * whose money is on its way. Points the intent's latest_charge at it, records `charge.succeeded` or
 * `charge.pending`, and schedules the dispute the processor announced, if any. Returns the charge and
 * the intent as it now is.
 */
export async function recordCharge(
  tx: Tx,
  p: { intent: PaymentIntentRow; billingDetails: StoredBillingDetails; followUp: ChargeFollowUp; now: Date },
): Promise<{ charge: ChargeRow; intent: PaymentIntentRow }> {
  const { intent, now } = p;
  const authorizedOnly = intent.status === 'requires_capture';
  const pending = intent.status === 'processing';
  const charge = await insertCharge(tx, {
    id: newId('ch'),
    accountId: intent.accountId,
    livemode: intent.livemode,
    createdAt: now,
    paymentIntentId: intent.id,
    customerId: intent.customerId,
    amount: intent.amount,
    amountCaptured: authorizedOnly || pending ? 0 : intent.amount,
    currency: intent.currency,
    status: pending ? 'pending' : 'succeeded',
    captured: !authorizedOnly && !pending,
    paymentMethodId: intent.paymentMethodId,
    card: intent.card,
    sepaDebit: intent.sepaDebit,
    billingDetails: p.billingDetails,
    outcome: pending ? null : AUTHORIZED,
    description: intent.description,
    receiptEmail: intent.receiptEmail,
    statementDescriptor: intent.statementDescriptor,
    shipping: intent.shipping,
    captureBefore: authorizedOnly ? new Date(now.getTime() + AUTHORIZATION_DAYS * 86400_000) : null,
    processorState: p.followUp.chargeState,
  });
  const updated = await updatePaymentIntentFields(tx, { accountId: intent.accountId, id: intent.id, set: { latestChargeId: charge.id } });
  const object = serializeCharge(charge, env().APP_URL);
  if (pending) await recordEvent(tx, { accountId: charge.accountId, type: 'charge.pending', object });
  else await recordEvent(tx, { accountId: charge.accountId, type: 'charge.succeeded', object });
  if (authorizedOnly)
    await recordEvent(tx, {
      accountId: charge.accountId,
      type: 'payment_intent.amount_capturable_updated',
      object: serializePaymentIntent(updated),
    });
  const dispute = p.followUp.dispute;
  if (dispute)
    await insertDispute(tx, {
      id: newId('dp'),
      accountId: charge.accountId,
      livemode: charge.livemode,
      chargeId: charge.id,
      paymentIntentId: intent.id,
      amount: charge.amount,
      currency: charge.currency,
      status: null,
      reason: dispute.reason,
      dueAt: new Date(now.getTime() + dispute.afterMs),
      pending: { status: 'needs_response' },
    });
  return { charge, intent: updated };
}

/**
 * The bank's answer on a debit's pending charge, in the caller's transaction: `charge.succeeded` with the
 * money captured, or `charge.failed` with why. Nothing when the intent has no pending charge.
 */
export async function settlePendingCharge(
  tx: Tx,
  p:
    | { intent: PaymentIntentRow; outcome: 'succeeded' }
    | { intent: PaymentIntentRow; outcome: 'failed'; failure: { code: string; message: string } },
): Promise<void> {
  const id = p.intent.latestChargeId;
  if (!id) return;
  const accountId = p.intent.accountId;
  const charge = await lockCharge(tx, { accountId, id });
  if (charge?.status !== 'pending') return;
  if (p.outcome === 'succeeded') {
    const paid = await updateChargeFields(tx, {
      accountId,
      id,
      set: { status: 'succeeded', captured: true, amountCaptured: charge.amount, outcome: AUTHORIZED },
    });
    await recordEvent(tx, { accountId, type: 'charge.succeeded', object: serializeCharge(paid, env().APP_URL) });
    return;
  }
  const failed = await updateChargeFields(tx, {
    accountId,
    id,
    set: {
      status: 'failed',
      failureCode: p.failure.code,
      failureMessage: p.failure.message,
      outcome: {
        ...AUTHORIZED,
        network_status: 'declined_by_network',
        type: 'issuer_declined',
        seller_message: 'The bank returned the debit.',
      },
    },
  });
  await recordEvent(tx, { accountId, type: 'charge.failed', object: serializeCharge(failed, env().APP_URL) });
}
