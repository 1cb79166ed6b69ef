import type { Tx } from '@/db/client';
import { insertEmail } from '@/db/queries/email-outbox';
import type { InvoiceRow } from '@/db/queries/invoices';
import type { PaymentIntentRow } from '@/db/queries/payment-intents';
import { hostedInvoiceUrl } from '@/lib/billing/invoices/invoice-url';
import {
  invoiceDocumentOf,
  invoiceLocale,
  invoiceMerchantName,
  loadInvoiceSource,
  type InvoiceSource,
} from '@/lib/billing/invoices/invoice-source';
import { env } from '@/lib/env';
import { formatAmount } from '@/lib/money/format';
import type { Decline } from '@/lib/payments/processor';
import { newId } from '@/lib/util/ids';
import { renderInvoiceEmail, type InvoiceEmailInput } from './render-invoice-email';

/**
 * Where an invoice's emails go: the customer's email as the invoice froze it (else the customer's own), when
 * the account sends receipts — or always for a subscription's invoice, whose customer hears of its payments
 * as Stripe's "email customers about failed payments" setting, on by default, has it.
 */
export function invoiceRecipient(src: {
  account: Pick<InvoiceSource['account'], 'receiptsEnabled'>;
  invoice: Pick<InvoiceSource['invoice'], 'customer' | 'subscriptionId'>;
  customer: Pick<NonNullable<InvoiceSource['customer']>, 'email'> | null;
}): string | null {
  const to = src.invoice.customer?.email ?? src.customer?.email ?? null;
  if (!to) return null;
  return src.account.receiptsEnabled || src.invoice.subscriptionId !== null ? to : null;
}

type Which = { kind: 'paid'; intent: PaymentIntentRow } | { kind: 'failed'; decline: Decline };

/** Writes one of the invoice's emails to the outbox, in the caller's transaction: it exists iff the payment's outcome committed. */
async function queueInvoiceEmail(tx: Tx, invoice: InvoiceRow, which: Which): Promise<string | null> {
  if (!invoice.number) return null;
  const src = await loadInvoiceSource(tx, invoice);
  if (!src) return null;
  const to = invoiceRecipient(src);
  if (!to) return null;
  // No browser here: the customer's preferred language, else the checkout's, else the account's.
  const locale = invoiceLocale(src);
  const base = {
    locale,
    merchant: { name: invoiceMerchantName(src.account), branding: src.account.branding },
    number: invoice.number,
    document: invoiceDocumentOf(src, locale),
    link: hostedInvoiceUrl(env().APP_URL, invoice.id),
  };
  const input: InvoiceEmailInput =
    which.kind === 'paid'
      ? {
          ...base,
          kind: 'paid',
          amount: formatAmount(which.intent.amountReceived, invoice.currency, locale),
          paidAt: invoice.paidAt ?? invoice.createdAt,
          card: which.intent.card,
        }
      : { ...base, kind: 'failed', decline: which.decline, nextAttempt: invoice.nextPaymentAttempt };
  const id = newId('em');
  await insertEmail(tx, {
    id,
    accountId: invoice.accountId,
    // The outbox's one kind for a customer's mail about a payment.
    kind: 'receipt',
    to,
    ...(invoice.checkoutSessionId ? { checkoutSessionId: invoice.checkoutSessionId } : {}),
    ...renderInvoiceEmail(input),
  });
  return id;
}

/** The receipt of a paid invoice: the amount, its number and the link to its hosted page. */
export function queueInvoiceReceipt(tx: Tx, p: { invoice: InvoiceRow; intent: PaymentIntentRow }): Promise<string | null> {
  return queueInvoiceEmail(tx, p.invoice, { kind: 'paid', intent: p.intent });
}

/** An automatic payment of the invoice failed: why, the next attempt if any, and the hosted page to pay it with another card. */
export function queueInvoicePaymentFailed(tx: Tx, p: { invoice: InvoiceRow; decline: Decline }): Promise<string | null> {
  return queueInvoiceEmail(tx, p.invoice, { kind: 'failed', decline: p.decline });
}
