import type { Db, Tx } from '@/db/client';
import { getAccount } from '@/db/queries/accounts';
import { lockInvoice, updateInvoiceIf, type InvoiceRow } from '@/db/queries/invoices';
import { settleAttempt, updatePaymentIntentFields, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { insertPaymentMethod } from '@/db/queries/payment-methods';
import { lockSubscription } from '@/db/queries/subscriptions';
import type { StoredBillingDetails } from '@/db/schema';
import { serializePaymentIntent } from '@/lib/api/serialize/payment-intent';
import { recordEvent } from '@/lib/events/record-event';
import { storedPaymentError } from '@/lib/payments/decline-messages';
import type { ChargeOutcome, PaymentProcessor } from '@/lib/payments/processor';
import { recordCharge } from '@/lib/payments/record-charge';
import { queueInvoicePaymentFailed, queueInvoiceReceipt } from '@/lib/receipts/queue-invoice-emails';
import { newId } from '@/lib/util/ids';
import { nextRetryAt, retrySettingsOf } from '../retry-settings';
import { changeSubscription } from '../subscriptions/update-subscription';
import { invoiceObject } from './invoice-reads';
import type { InvoiceAttempt, InvoicePaymentResult } from './pay-invoice';

/** A success that cannot count (the attempt was given up, or the invoice closed meanwhile): rolled back, then reversed. */
class LateSuccess extends Error {
  constructor() {
    super('late invoice payment');
  }
}

const NO_DETAILS: StoredBillingDetails = { address: null, email: null, name: null, phone: null, tax_id: null };

type Recording = {
  processor: PaymentProcessor;
  attempt: InvoiceAttempt;
  outcome: ChargeOutcome;
  /** a renewal or a scheduled retry: its failure schedules the next retry, or ends the retries */
  automatic: boolean;
  billingDetails: StoredBillingDetails | null;
  /**
   * The customer typed a card on the hosted invoice page: once it pays, it is saved and becomes the
   * subscription's default payment method, the one its next invoices are charged with.
   */
  saveAsDefault?: boolean;
  now: Date;
};

/**
 * Records what the processor answered for an invoice's payment attempt, only while the intent is still
 * processing that attempt: paid (the charge, the invoice paid, a past-due subscription active again),
 * waiting for 3-D Secure, or declined (the next retry scheduled, the subscription past due, and once the
 * retries are spent the account's choice: canceled, unpaid or left past due). A success that can no longer
 * count is reversed at the processor and leaves the intent ready for another attempt.
 */
export async function recordInvoiceOutcome(db: Db, p: Recording): Promise<InvoicePaymentResult> {
  try {
    return await db.transaction((tx) => recordInTx(tx, p));
  } catch (err) {
    if (!(err instanceof LateSuccess)) throw err;
  }
  const { intent } = p.attempt;
  await p.processor.reverse({ attemptId: intent.attemptId, amount: intent.amount, currency: intent.currency });
  return db.transaction(async (tx) => {
    const released = await settleAttempt(
      tx,
      { id: intent.id, attemptId: intent.attemptId },
      { status: 'requires_payment_method', attemptStartedAt: null, processorState: null, nextAction: null },
    );
    const invoice = await lockInvoice(tx, { accountId: intent.accountId, id: p.attempt.invoice.id });
    return { outcome: 'refused' as const, reason: 'not_open' as const, invoice: invoice ?? (released ? p.attempt.invoice : null) };
  });
}

async function recordInTx(tx: Tx, p: Recording): Promise<InvoicePaymentResult> {
  const { intent } = p.attempt;
  const fence = { id: intent.id, attemptId: intent.attemptId };
  const invoice = await lockInvoice(tx, { accountId: intent.accountId, id: p.attempt.invoice.id });
  if (!invoice) throw new Error(`recordInvoiceOutcome: invoice ${p.attempt.invoice.id} is gone`);
  const { outcome } = p;
  if (outcome.status === 'succeeded') {
    const settled = await settleAttempt(tx, fence, {
      status: 'succeeded',
      amountReceived: intent.amount,
      card: outcome.card,
      lastPaymentError: null,
      attemptStartedAt: null,
      processorState: null,
      nextAction: null,
    });
    if (!settled || invoice.status !== 'open') throw new LateSuccess();
    const saved = p.saveAsDefault && invoice.subscriptionId ? await saveCard(tx, { invoice, intent: settled, outcome, p }) : null;
    const chargeState = outcome.chargeState ?? null;
    const charged = await recordCharge(tx, {
      intent: saved?.intent ?? settled,
      billingDetails: p.billingDetails ?? NO_DETAILS,
      followUp: { chargeState, dispute: p.processor.disputeAfterCharge(chargeState) },
      now: p.now,
    });
    return invoicePaid(tx, invoice, charged.intent, p.now, saved?.paymentMethodId ?? null);
  }
  if (outcome.status === 'requires_action') {
    const waiting = await settleAttempt(tx, fence, {
      status: 'requires_action',
      card: outcome.card,
      processorState: outcome.resume,
      nextAction: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } },
    });
    if (!waiting) return { outcome: 'refused', reason: 'in_progress', invoice };
    const counted = await countAttempt(tx, invoice, {});
    await recordEvent(tx, {
      accountId: invoice.accountId,
      type: 'payment_intent.requires_action',
      object: serializePaymentIntent(waiting),
    });
    await recordEvent(tx, {
      accountId: invoice.accountId,
      type: 'invoice.payment_action_required',
      object: await invoiceObject(tx, counted),
    });
    return { outcome: 'requires_action', invoice: counted, intent: waiting };
  }
  const error = storedPaymentError(outcome.decline);
  const failed = await settleAttempt(tx, fence, {
    status: 'requires_payment_method',
    card: outcome.card,
    lastPaymentError: error,
    attemptStartedAt: null,
    processorState: null,
    nextAction: null,
  });
  if (!failed) return { outcome: 'refused', reason: 'in_progress', invoice };
  return invoiceFailed(tx, { invoice, intent: failed, automatic: p.automatic, now: p.now, decline: outcome.decline });
}

/** The card that paid, as a payment method of the invoice's customer that the processor can charge again; the intent points to it. */
async function saveCard(
  tx: Tx,
  s: { invoice: InvoiceRow; intent: PaymentIntentRow; outcome: ChargeOutcome & { status: 'succeeded' }; p: Recording },
): Promise<{ paymentMethodId: string; intent: PaymentIntentRow }> {
  const paymentMethodId = newId('pm');
  await insertPaymentMethod(tx, {
    id: paymentMethodId,
    accountId: s.invoice.accountId,
    livemode: s.invoice.livemode,
    type: 'card',
    customerId: s.invoice.customerId,
    card: s.outcome.card,
    billingDetails: s.p.billingDetails ?? NO_DETAILS,
    processorState: s.outcome.reusable ?? null,
    createdAt: s.p.now,
  });
  const intent = await updatePaymentIntentFields(tx, { accountId: s.intent.accountId, id: s.intent.id, set: { paymentMethodId } });
  return { paymentMethodId, intent };
}

/** Adds the attempt to the invoice's count, with whatever else changes with it. */
async function countAttempt(tx: Tx, invoice: InvoiceRow, set: Parameters<typeof updateInvoiceIf>[1]['set']): Promise<InvoiceRow> {
  const counted = await updateInvoiceIf(tx, {
    accountId: invoice.accountId,
    id: invoice.id,
    from: [invoice.status],
    set: { attemptCount: invoice.attemptCount + 1, ...set },
  });
  if (!counted) throw new Error(`countAttempt: invoice ${invoice.id} moved under its lock`);
  return counted;
}

async function invoicePaid(
  tx: Tx,
  invoice: InvoiceRow,
  intent: PaymentIntentRow,
  now: Date,
  newDefaultMethod: string | null,
): Promise<InvoicePaymentResult> {
  const paid = await countAttempt(tx, invoice, {
    status: 'paid',
    amountPaid: invoice.amountPaid + intent.amountReceived,
    amountRemaining: 0,
    paidAt: now,
    nextPaymentAttempt: null,
    paymentIntentId: intent.id,
  });
  const accountId = invoice.accountId;
  await recordEvent(tx, { accountId, type: 'payment_intent.succeeded', object: serializePaymentIntent(intent) });
  const object = await invoiceObject(tx, paid);
  await recordEvent(tx, { accountId, type: 'invoice.paid', object });
  await recordEvent(tx, { accountId, type: 'invoice.payment_succeeded', object });
  if (paid.subscriptionId) {
    const sub = await lockSubscription(tx, { accountId, id: paid.subscriptionId });
    // Paying the invoice that made it past due (or unpaid) makes it active again.
    const reactivate = sub && (sub.status === 'past_due' || sub.status === 'unpaid' || sub.status === 'incomplete');
    if (sub && (reactivate || newDefaultMethod))
      await changeSubscription(tx, sub, {
        ...(reactivate ? { status: 'active' as const } : {}),
        ...(newDefaultMethod ? { defaultPaymentMethodId: newDefaultMethod } : {}),
      });
  }
  await queueInvoiceReceipt(tx, { invoice: paid, intent });
  return { outcome: 'paid', invoice: paid, intent };
}

async function invoiceFailed(
  tx: Tx,
  p: {
    invoice: InvoiceRow;
    intent: PaymentIntentRow;
    automatic: boolean;
    now: Date;
    decline: { code: string; declineCode: string | null; message: string };
  },
): Promise<InvoicePaymentResult> {
  const { invoice } = p;
  const account = await getAccount(tx, invoice.accountId);
  const settings = retrySettingsOf({ billingRetrySettings: account?.billingRetrySettings ?? null });
  // An automatic attempt schedules the next; a merchant's or customer's own attempt leaves the schedule as it was.
  const next = p.automatic ? nextRetryAt(settings, invoice.attemptCount + 1, p.now) : invoice.nextPaymentAttempt;
  const counted = await countAttempt(tx, invoice, { nextPaymentAttempt: next, paymentIntentId: p.intent.id });
  const accountId = invoice.accountId;
  await recordEvent(tx, { accountId, type: 'payment_intent.payment_failed', object: serializePaymentIntent(p.intent) });
  await recordEvent(tx, { accountId, type: 'invoice.payment_failed', object: await invoiceObject(tx, counted) });
  if (counted.subscriptionId) {
    const sub = await lockSubscription(tx, { accountId, id: counted.subscriptionId });
    if (sub && (sub.status === 'active' || sub.status === 'trialing')) {
      const pastDue = await changeSubscription(tx, sub, { status: 'past_due' });
      if (p.automatic && next === null) await afterLastRetry(tx, pastDue, settings.afterRetries, p.now);
    } else if (sub?.status === 'past_due' && p.automatic && next === null) await afterLastRetry(tx, sub, settings.afterRetries, p.now);
  }
  // The customer was not there when it failed: tell them, with the page to pay it on.
  if (p.automatic) await queueInvoicePaymentFailed(tx, { invoice: counted, decline: p.decline });
  return { outcome: 'declined', invoice: counted, intent: p.intent, decline: p.decline };
}

/** Every retry failed: the subscription ends, becomes unpaid, or stays past due, as the account chose. */
async function afterLastRetry(
  tx: Tx,
  sub: Awaited<ReturnType<typeof lockSubscription>> & object,
  after: 'cancel' | 'unpaid' | 'past_due',
  now: Date,
): Promise<void> {
  if (after === 'unpaid') await changeSubscription(tx, sub, { status: 'unpaid' });
  if (after === 'cancel')
    await changeSubscription(
      tx,
      sub,
      {
        status: 'canceled',
        canceledAt: now,
        endedAt: now,
        cancellationDetails: { comment: null, feedback: null, reason: 'payment_failed' },
      },
      'customer.subscription.deleted',
    );
}
