import type { Db, Tx } from '@/db/client';
import { markSessionPaidIfUnpaid } from '@/db/queries/checkout-sessions';
import { lockDueSepaDebits, updatePaymentIntentFields, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { lockSessionById } from '@/db/queries/public-session';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { isPendingDebit, SEPA_DEBIT_FAILED } from '@/lib/payments/test-sepa';
import { settlePendingCharge } from '@/lib/payments/record-charge';
import { queueReceipt } from '@/lib/receipts/queue-receipt';
import { sessionObject } from './session-reads';

/**
 * Applies the bank's answer to SEPA debits whose outcome is due, a batch at a
 * time. Intents are claimed with FOR UPDATE SKIP LOCKED and the status is
 * re-checked under the lock, so several processes sweep side by side and each
 * debit settles, with its events, exactly once.
 */
export async function settleDueDebits(db: Db, now = new Date(), limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await lockDueSepaDebits(tx, { now, limit });
    for (const intent of due) await settle(tx, intent);
    return due.length;
  });
}

async function settle(tx: Tx, intent: PaymentIntentRow): Promise<void> {
  const pending = intent.processorState;
  if (!isPendingDebit(pending) || !intent.checkoutSessionId) return;
  const session = await lockSessionById(tx, intent.checkoutSessionId);
  if (!session) return;
  const accountId = intent.accountId;
  if (pending.outcome === 'succeed') {
    const paid = await updatePaymentIntentFields(tx, {
      accountId,
      id: intent.id,
      set: { status: 'succeeded', amountReceived: intent.amount, processorState: null },
    });
    await settlePendingCharge(tx, { intent: paid, outcome: 'succeeded' });
    // None when the session was already marked paid.
    const updated = await markSessionPaidIfUnpaid(tx, { id: session.id });
    await recordEvent(tx, { accountId, type: 'payment_intent.succeeded', object: serializePaymentIntent(paid) });
    await recordEvent(tx, { accountId, type: 'checkout.session.async_payment_succeeded', object: sessionObject(updated ?? session) });
    // The receipt waits for the money, as Stripe's does for debits.
    if (updated) await queueReceipt(tx, updated);
    return;
  }
  // The session stays complete and unpaid, as in Stripe: the merchant decides what to do with the order.
  const failed = await updatePaymentIntentFields(tx, {
    accountId,
    id: intent.id,
    set: { status: 'requires_payment_method', lastPaymentError: { ...SEPA_DEBIT_FAILED }, processorState: null },
  });
  await settlePendingCharge(tx, { intent: failed, outcome: 'failed', failure: SEPA_DEBIT_FAILED });
  await recordEvent(tx, { accountId, type: 'payment_intent.payment_failed', object: serializePaymentIntent(failed) });
  await recordEvent(tx, { accountId, type: 'checkout.session.async_payment_failed', object: sessionObject(session) });
}
