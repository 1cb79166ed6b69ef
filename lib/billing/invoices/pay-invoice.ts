import type { Db, Tx } from '@/db/client';
import { findCustomer } from '@/db/queries/customers';
import { findInvoice, lockInvoice, type InvoiceRow } from '@/db/queries/invoices';
import { claimPaymentAttempt, insertPaymentIntent, updatePaymentIntentFields, type PaymentIntentRow } from '@/db/queries/payment-intents';
import { findPaymentMethod, type PaymentMethodRow } from '@/db/queries/payment-methods';
import { findSubscription } from '@/db/queries/subscriptions';
import { STRIPE_DECLINES } from '@/lib/payments/decline-messages';
import type { ChargeOutcome, Decline, PaymentProcessor, StoredCard } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { newId } from '@/lib/util/ids';
import { recordInvoiceOutcome } from './record-invoice-outcome';
import { log, errorText } from '@/lib/log';

/** An invoice payment attempt taken: the intent, processing this attempt. */
export type InvoiceAttempt = { invoice: InvoiceRow; intent: PaymentIntentRow & { attemptId: string } };

/** Why an invoice could not be charged at all (nothing was tried at the processor). */
export type InvoiceNotPayable = 'not_open' | 'nothing_due' | 'not_due' | 'in_progress' | 'no_payment_method';

export type InvoicePaymentResult =
  | { outcome: 'paid'; invoice: InvoiceRow; intent: PaymentIntentRow }
  | { outcome: 'requires_action'; invoice: InvoiceRow; intent: PaymentIntentRow }
  | { outcome: 'declined'; invoice: InvoiceRow; intent: PaymentIntentRow; decline: Decline }
  | { outcome: 'refused'; reason: InvoiceNotPayable; invoice: InvoiceRow | null };

const DESCRIPTIONS: Record<InvoiceRow['billingReason'], string> = {
  subscription_create: 'Subscription creation',
  subscription_cycle: 'Subscription update',
  subscription_update: 'Subscription update',
  manual: 'Payment for Invoice',
};

/**
 * Takes one payment attempt on an open invoice, under its lock: the invoice's one payment intent (made
 * on its first attempt, reused by every later one) goes to `processing` under a fresh attempt id, so of
 * two concurrent payers (a retry and the customer on the hosted page) exactly one reaches the processor.
 */
export async function claimInvoiceAttempt(
  tx: Tx,
  p: {
    accountId: string;
    invoiceId: string;
    paymentMethod: PaymentMethodRow | null;
    card: StoredCard | null;
    offSession: boolean;
    now: Date;
  },
): Promise<InvoiceAttempt | { refused: InvoiceNotPayable; invoice: InvoiceRow | null }> {
  const invoice = await lockInvoice(tx, { accountId: p.accountId, id: p.invoiceId });
  if (invoice?.status !== 'open') return { refused: 'not_open', invoice };
  if (invoice.amountRemaining <= 0) return { refused: 'nothing_due', invoice };
  let intentId = invoice.paymentIntentId;
  if (!intentId) {
    intentId = newId('pi');
    await insertPaymentIntent(tx, {
      id: intentId,
      accountId: invoice.accountId,
      livemode: invoice.livemode,
      amount: invoice.amountRemaining,
      currency: invoice.currency,
      status: 'requires_payment_method',
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      description: DESCRIPTIONS[invoice.billingReason],
      receiptEmail: null,
      createdAt: p.now,
    });
  }
  const attemptId = newId('att');
  // The attempt's lease runs on real time even on a test clock: the sweep that gives up lost attempts does.
  const claimed = await claimPaymentAttempt(tx, { id: intentId, amount: invoice.amountRemaining, attemptId, now: new Date() });
  if (!claimed) return { refused: 'in_progress', invoice };
  const intent = await updatePaymentIntentFields(tx, {
    accountId: claimed.accountId,
    id: claimed.id,
    set: {
      paymentMethodId: p.paymentMethod?.id ?? null,
      card: p.card ?? p.paymentMethod?.card ?? null,
      offSession: p.offSession,
      setupFutureUsage: p.offSession ? 'off_session' : null,
    },
  });
  return { invoice, intent: { ...intent, attemptId } };
}

/**
 * The method an invoice is charged with, as Stripe chooses it: the one asked for, the invoice's, its
 * subscription's default, then its customer's invoice_settings.default_payment_method.
 */
async function chargeableMethod(db: Db, invoice: InvoiceRow, asked: string | undefined): Promise<PaymentMethodRow | null> {
  const sub = invoice.subscriptionId ? await findSubscription(db, { accountId: invoice.accountId, id: invoice.subscriptionId }) : null;
  const customer = await findCustomer(db, { accountId: invoice.accountId, id: invoice.customerId });
  const id = asked ?? invoice.defaultPaymentMethodId ?? sub?.defaultPaymentMethodId ?? customer?.defaultPaymentMethodId ?? null;
  if (!id) return null;
  const method = await findPaymentMethod(db, { accountId: invoice.accountId, id });
  return method?.card && method.customerId === invoice.customerId ? method : null;
}

/**
 * Charges an open invoice with a saved card, without the customer: a renewal, a scheduled retry
 * (`automatic`), or the merchant's `POST /v1/invoices/{id}/pay`. One attempt: claimed in a transaction,
 * sent to the processor outside it, its outcome recorded in another (record-invoice-outcome.ts), which
 * also moves the subscription and schedules the next retry.
 */
export async function payInvoiceOffSession(
  db: Db,
  p: {
    accountId: string;
    invoiceId: string;
    paymentMethodId?: string;
    automatic: boolean;
    now: Date;
    processor?: PaymentProcessor;
  },
): Promise<InvoicePaymentResult> {
  const processor = p.processor ?? testProcessor;
  // Read only to choose the card; the claim below locks the invoice and checks it again.
  const found = await findInvoice(db, { accountId: p.accountId, id: p.invoiceId });
  if (!found) return { outcome: 'refused', reason: 'not_open', invoice: null };
  const method = await chargeableMethod(db, found, p.paymentMethodId);
  if (!method?.card) {
    if (p.automatic) return missingMethod(db, { ...p, processor });
    return { outcome: 'refused', reason: 'no_payment_method', invoice: found };
  }
  const card = method.card;
  const claim = await db.transaction((tx) =>
    claimInvoiceAttempt(tx, {
      accountId: p.accountId,
      invoiceId: p.invoiceId,
      paymentMethod: method,
      card,
      offSession: true,
      ...(p.automatic ? { dueBy: p.now } : {}),
      now: p.now,
    }),
  );
  if ('refused' in claim) return { outcome: 'refused', reason: claim.refused, invoice: claim.invoice };
  const { intent } = claim;
  let outcome: ChargeOutcome;
  try {
    outcome = await processor.chargeSaved({
      attemptId: intent.attemptId,
      amount: intent.amount,
      currency: intent.currency,
      card,
      reusable: method.processorState,
    });
  } catch (err) {
    log().error({ error: errorText(err) }, 'an invoice payment failed at the processor');
    await processor.reverse({ attemptId: intent.attemptId, amount: intent.amount, currency: intent.currency });
    outcome = { status: 'failed', card, decline: { ...STRIPE_DECLINES.processing_error } };
  }
  return recordInvoiceOutcome(db, {
    processor,
    attempt: claim,
    outcome,
    automatic: p.automatic,
    billingDetails: method.billingDetails,
    now: p.now,
  });
}

/**
 * A due automatic attempt with no card to charge: it counts as a failed attempt (the subscription goes
 * past due and the retry schedule runs), as Stripe's does when a customer has no default payment method.
 */
async function missingMethod(db: Db, p: { accountId: string; invoiceId: string; now: Date; processor: PaymentProcessor }) {
  const claim = await db.transaction((tx) =>
    claimInvoiceAttempt(tx, {
      accountId: p.accountId,
      invoiceId: p.invoiceId,
      paymentMethod: null,
      card: null,
      offSession: true,
      now: p.now,
    }),
  );
  if ('refused' in claim) return { outcome: 'refused' as const, reason: claim.refused, invoice: claim.invoice };
  return recordInvoiceOutcome(db, {
    processor: p.processor,
    attempt: claim,
    outcome: { status: 'failed', card: null, decline: { ...NO_PAYMENT_METHOD } },
    automatic: true,
    billingDetails: null,
    now: p.now,
  });
}

/** Stripe's error when an invoice is paid with nothing to pay it with. */
export const NO_PAYMENT_METHOD: Decline = {
  code: 'resource_missing',
  declineCode: null,
  message: 'This customer has no attached payment source or default payment method.',
};
