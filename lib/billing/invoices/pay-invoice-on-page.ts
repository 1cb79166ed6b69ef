import type { Db } from '@/db/client';
import type { InvoiceRow } from '@/db/queries/invoices';
import type { StoredBillingDetails } from '@/db/schema';
import { CLIENT_CARD_LIMIT } from '@/lib/checkout/confirm-payment';
import { toCardInput } from '@/lib/payments/card-schema';
import { declineMessageKey, STRIPE_DECLINES } from '@/lib/payments/decline-messages';
import { fingerprintSecret } from '@/lib/payments/fingerprint';
import type { ChargeOutcome, PaymentProcessor, StoredCard } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { makeInvoicePaySchema } from '@/lib/validation/invoice-page';
import { billingNow } from '../clock';
import type { InvoicePayResult } from './invoice-page-state';
import { signedInvoice } from './invoice-page-view';
import { claimInvoiceAttempt, type InvoiceAttempt, type InvoicePaymentResult } from './pay-invoice';
import { recordInvoiceOutcome } from './record-invoice-outcome';
import { log, errorText } from '@/lib/log';

/**
 * Card attempts one invoice takes in an hour, whoever makes them: a leaked invoice link is no card-testing
 * oracle. A customer with a card or two never comes near it. Attempts per client address are counted with
 * the checkout's, under the same key and limit (CLIENT_CARD_LIMIT).
 */
export const INVOICE_CARD_LIMIT = { attempts: 10, windowSeconds: 3600 };

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of issues) errors[i.path.map(String).join('.')] ??= i.message;
  return errors;
}

/** What the processor answered, or a processing error after reversing an attempt it failed to answer. */
export async function callProcessor(
  processor: PaymentProcessor,
  attempt: InvoiceAttempt,
  card: StoredCard | null,
  call: () => Promise<ChargeOutcome>,
) {
  try {
    return await call();
  } catch (err) {
    // Never the request: it holds card data.
    log().error({ error: errorText(err) }, 'an invoice payment failed at the processor');
    const { intent } = attempt;
    await processor.reverse({ attemptId: intent.attemptId, amount: intent.amount, currency: intent.currency });
    return { status: 'failed' as const, card, decline: { ...STRIPE_DECLINES.processing_error } };
  }
}

/** The page's answer for what recording the outcome gave. */
export function pageResult(result: InvoicePaymentResult): InvoicePayResult {
  switch (result.outcome) {
    case 'paid':
      return { state: 'paid' };
    case 'requires_action':
      return { state: 'requires_action' };
    case 'declined':
      return { state: 'declined', message: declineMessageKey(result.decline) };
    case 'refused':
      return result.reason === 'in_progress' ? { state: 'refused', reason: 'in_progress' } : { state: 'closed' };
  }
}

/** Whoever pays: the name on the card, and the email the invoice was sent to. */
export const billingDetailsOf = (invoice: InvoiceRow, name: string | null): StoredBillingDetails => ({
  address: null,
  email: invoice.customer?.email ?? null,
  name,
  phone: null,
  tax_id: null,
});

/**
 * The customer pays an open invoice with a card typed on its hosted page: the per-client and per-invoice
 * limits, the card's checks, then one attempt claimed on the invoice (pay-invoice.ts), charged outside any
 * transaction, and its outcome recorded (record-invoice-outcome.ts) — the card saved as the subscription's
 * default once it pays. The card number and CVC live only in this call's memory.
 */
export async function payInvoiceOnPage(
  db: Db,
  p: { invoiceId: string; signature: string; form: unknown; clientKey: string; processor?: PaymentProcessor; now?: Date },
): Promise<InvoicePayResult> {
  const processor = p.processor ?? testProcessor;
  const realNow = p.now ?? new Date();
  const invoice = await signedInvoice(db, p);
  if (invoice?.status !== 'open' || invoice.amountRemaining <= 0) return { state: 'closed' };
  const clientKey = `card:client:${p.clientKey}`;
  if (
    !(await hitRateLimit(db, {
      key: clientKey,
      limit: CLIENT_CARD_LIMIT.attempts,
      windowSeconds: CLIENT_CARD_LIMIT.windowSeconds,
      now: realNow,
    }))
  )
    return { state: 'refused', reason: 'rate_limited' };

  const parsed = makeInvoicePaySchema(() => realNow).safeParse(p.form);
  if (!parsed.success) return { state: 'invalid', errors: issuesToErrors(parsed.error.issues) };
  const card = toCardInput(parsed.data.card);
  const screened = processor.screen(card);
  if (screened) return { state: 'invalid', errors: { 'card.number': screened } };
  const invoiceKey = `card:invoice:${invoice.id}`;
  if (
    !(await hitRateLimit(db, {
      key: invoiceKey,
      limit: INVOICE_CARD_LIMIT.attempts,
      windowSeconds: INVOICE_CARD_LIMIT.windowSeconds,
      now: realNow,
    }))
  )
    return { state: 'refused', reason: 'too_many_attempts' };

  // The invoice's own time: its test clock's, if it has one.
  const now = p.now ?? (await billingNow(db, invoice, realNow));
  const claim = await db.transaction((tx) =>
    claimInvoiceAttempt(tx, {
      accountId: invoice.accountId,
      invoiceId: invoice.id,
      paymentMethod: null,
      card: null,
      offSession: false,
      now,
    }),
  );
  if ('refused' in claim) return claim.refused === 'in_progress' ? { state: 'refused', reason: 'in_progress' } : { state: 'closed' };
  const { intent } = claim;
  const outcome = await callProcessor(processor, claim, null, () =>
    processor.charge({
      attemptId: intent.attemptId,
      amount: intent.amount,
      currency: intent.currency,
      card,
      setUpForOffSession: false,
      fingerprintSecret: fingerprintSecret(),
    }),
  );
  const recorded = await recordInvoiceOutcome(db, {
    processor,
    attempt: claim,
    outcome,
    automatic: false,
    billingDetails: billingDetailsOf(invoice, card.name),
    saveAsDefault: true,
    now,
  });
  return pageResult(recorded);
}
