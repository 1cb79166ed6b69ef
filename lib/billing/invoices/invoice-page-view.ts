import type { Queryable } from '@/db/client';
import { findInvoiceById, type InvoiceRow } from '@/db/queries/invoices';
import { findPaymentIntent, type PaymentIntentRow } from '@/db/queries/payment-intents';
import type { MessageLocale } from '@/i18n/locales';
import { mergeBranding, resolveTheme, type Theme } from '@/lib/branding/theme';
import { merchantIdentity } from '@/lib/checkout/page-view';
import { env } from '@/lib/env';
import { formatAmount } from '@/lib/money/format';
import { receiptUrl } from '@/lib/receipts/receipt-url';
import type { InvoiceDocument } from './invoice-document';
import { invoiceDocumentOf, invoiceLocale, invoiceMerchantName, loadInvoiceSource } from './invoice-source';
import { invoiceSignatureValid } from './invoice-url';

/** What the hosted invoice page shows: plain data, every string already in the customer's language. */
export type InvoicePageView = {
  /** The page's own path, /i/{id}/{signature}: its form, challenge and PDF hang from it. */
  path: string;
  locale: MessageLocale;
  livemode: boolean;
  merchant: { name: string; logoUrl: string | null };
  /** The account's branding, as its checkout pages wear it. */
  theme: Theme;
  document: InvoiceDocument;
  /** What the pay button charges, formatted: set only while the card form shows. */
  payAmount: string | null;
  /** A 3-D Secure challenge waits for the customer: the page links to it instead of the form. */
  challengePending: boolean;
  /** The hosted receipt of the charge that paid it. */
  receiptUrl: string | null;
  /** Paying on the page also makes the card the subscription's default. */
  savesCard: boolean;
};

/** An invoice whose signature is this installation's: the rest of the page's reads start from here. */
export async function signedInvoice(db: Queryable, p: { invoiceId: string; signature: string }): Promise<InvoiceRow | null> {
  if (!invoiceSignatureValid(p.invoiceId, p.signature)) return null;
  return findInvoiceById(db, p.invoiceId);
}

/** Whether a card form belongs on the page: an open invoice with money left to pay and no attempt under way. */
export function invoiceTakesCard(invoice: InvoiceRow, intent: PaymentIntentRow | null): boolean {
  return (
    invoice.status === 'open' && invoice.amountRemaining > 0 && intent?.status !== 'requires_action' && intent?.status !== 'processing'
  );
}

/**
 * The page at /i/{invoice id}/{signature}, or null — alike for a signature that is not this
 * installation's and an unknown invoice, so the answer tells nothing about which. The signature is
 * checked before anything is read.
 */
export async function loadInvoicePage(
  db: Queryable,
  p: { invoiceId: string; signature: string; acceptLanguage: string | null },
): Promise<InvoicePageView | null> {
  const invoice = await signedInvoice(db, p);
  if (!invoice) return null;
  const src = await loadInvoiceSource(db, invoice);
  if (!src) return null;
  const intent = invoice.paymentIntentId
    ? await findPaymentIntent(db, { accountId: invoice.accountId, id: invoice.paymentIntentId })
    : null;
  const locale = invoiceLocale(src, p.acceptLanguage);
  const identity = merchantIdentity(src.account, null);
  const paidCharge = invoice.status === 'paid' ? (intent?.latestChargeId ?? null) : null;
  return {
    path: `/i/${invoice.id}/${p.signature}`,
    locale,
    livemode: invoice.livemode,
    merchant: { name: invoiceMerchantName(src.account), logoUrl: identity.logoUrl ?? identity.iconUrl },
    theme: resolveTheme(mergeBranding(src.account.branding, null)),
    document: invoiceDocumentOf(src, locale),
    payAmount: invoiceTakesCard(invoice, intent) ? formatAmount(invoice.amountRemaining, invoice.currency, locale) : null,
    challengePending: invoice.status === 'open' && intent?.status === 'requires_action',
    receiptUrl: paidCharge ? receiptUrl(env().APP_URL, paidCharge) : null,
    savesCard: invoice.subscriptionId !== null,
  };
}
