import type { Db } from '@/db/client';
import { lockInvoice } from '@/db/queries/invoices';
import { findPaymentIntent, resumeChallengedIntent } from '@/db/queries/payment-intents';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { billingNow } from '../clock';
import type { InvoicePayResult } from './invoice-page-state';
import { signedInvoice } from './invoice-page-view';
import { billingDetailsOf, callProcessor, pageResult } from './pay-invoice-on-page';
import type { InvoiceAttempt } from './pay-invoice';
import { recordInvoiceOutcome } from './record-invoice-outcome';

/** The 3-D Secure challenge an open invoice waits on, for its page at /i/{id}/{signature}/authenticate; null when none waits. */
export async function pendingInvoiceChallenge(db: Db, p: { invoiceId: string; signature: string }) {
  const invoice = await signedInvoice(db, p);
  if (invoice?.status !== 'open' || !invoice.paymentIntentId) return null;
  const intent = await findPaymentIntent(db, { accountId: invoice.accountId, id: invoice.paymentIntentId });
  if (intent?.status !== 'requires_action') return null;
  return { invoice, amount: intent.amount, currency: intent.currency, card: intent.card };
}

/**
 * The customer completes or fails the challenge of an invoice's payment: under the invoice's lock, only
 * while it is open and its intent waits on the challenge (requires_action → processing, one conditional
 * update, so only the first answer counts); then the processor finishes the attempt and its outcome is
 * recorded as a first try's is, the card saved as the subscription's default once it pays.
 */
export async function completeInvoiceChallenge(
  db: Db,
  p: { invoiceId: string; signature: string; result: 'complete' | 'fail'; processor?: PaymentProcessor; now?: Date },
): Promise<InvoicePayResult> {
  const processor = p.processor ?? testProcessor;
  const found = await signedInvoice(db, p);
  if (!found) return { state: 'closed' };
  const now = p.now ?? (await billingNow(db, found));
  const resumed = await db.transaction(async (tx): Promise<InvoiceAttempt | null> => {
    const invoice = await lockInvoice(tx, { accountId: found.accountId, id: found.id });
    if (invoice?.status !== 'open' || !invoice.paymentIntentId) return null;
    const intent = await resumeChallengedIntent(tx, { id: invoice.paymentIntentId, now });
    if (!intent?.attemptId) return null;
    return { invoice, intent: { ...intent, attemptId: intent.attemptId } };
  });
  if (!resumed) return found.status === 'open' ? { state: 'refused', reason: 'in_progress' } : { state: 'closed' };
  const card = resumed.intent.card;
  const outcome = card
    ? await callProcessor(processor, resumed, card, () =>
        processor.completeAuthentication({
          attemptId: resumed.intent.attemptId,
          resume: resumed.intent.processorState ?? {},
          result: p.result,
          card,
        }),
      )
    : // A challenge is a card's: an intent waiting on one without a card is given up as a processing error.
      await callProcessor(processor, resumed, null, () => Promise.reject(new Error('a challenged intent has no card')));
  const recorded = await recordInvoiceOutcome(db, {
    processor,
    attempt: resumed,
    outcome,
    automatic: false,
    billingDetails: billingDetailsOf(resumed.invoice, null),
    saveAsDefault: true,
    now,
  });
  return pageResult(recorded);
}
