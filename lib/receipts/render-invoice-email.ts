import type { AccountBranding, StoredCard } from '@/db/schema';
import type { MessageLocale } from '@/i18n/locales';
import type { InvoiceDocument } from '@/lib/billing/invoices/invoice-document';
import { errorsTranslator, invoiceTranslator } from '@/lib/billing/invoices/invoice-translator';
import { resolveTheme } from '@/lib/branding/theme';
import { brandName } from '@/lib/payments/card-brands';
import { declineMessageKey } from '@/lib/payments/decline-messages';
import type { Decline } from '@/lib/payments/processor';
import { receiptHtml } from './receipt-html';
import { receiptTranslator } from './receipt-translator';
import { receiptText, type ReceiptView, type RenderedEmail } from './render-receipt';

/**
 * An invoice's two emails, laid out as receipts are (the same HTML and text), worded from the invoice's
 * document (lib/billing/invoices/invoice-document.ts) so they say what its hosted page and PDF say:
 * - `paid`: the receipt of a paid invoice, with what was paid, when, with which card;
 * - `failed`: an automatic payment was declined: why, when the next attempt is, and the link to pay
 *   the invoice on its page with another card.
 * Pure: no I/O, no clock.
 */
export type InvoiceEmailInput = {
  locale: MessageLocale;
  merchant: { name: string; branding: AccountBranding };
  number: string;
  document: InvoiceDocument;
  /** The hosted invoice page. */
  link: string;
} & (
  { kind: 'paid'; amount: string; paidAt: Date; card: StoredCard | null } | { kind: 'failed'; decline: Decline; nextAttempt: Date | null }
);

/** Only https images: a merchant string never becomes a script or a mixed-content load. */
const httpsOnly = (url: string | null | undefined) => (url && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null);

export function invoiceEmailView(input: InvoiceEmailInput): ReceiptView {
  const t = invoiceTranslator(input.locale);
  const r = receiptTranslator(input.locale);
  const doc = input.document;
  const merchant = input.merchant.name;
  const theme = resolveTheme(input.merchant.branding);
  const date = (d: Date) => new Intl.DateTimeFormat(input.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  const common = {
    number: doc.number,
    status: null,
    summaryTitle: doc.itemsTitle,
    items: doc.items.map((i) => ({ name: i.description, detail: i.detail.join(' · '), amount: i.amount })),
    totals: [...doc.totals, doc.due],
    shipTo: null,
    refunds: null,
    taxNote: doc.taxNote,
    locale: input.locale,
    contact: doc.contact,
    footer: t('receiptFooter', { merchant }),
    colors: { brand: theme.button, brandText: theme.buttonText },
    logoUrl: httpsOnly(input.merchant.branding.logo_url),
  };
  if (input.kind === 'paid') {
    const card = input.card;
    return {
      ...common,
      subject: t('receiptSubject', { merchant, number: input.number }),
      heading: t('receiptHeading', { merchant }),
      facts: [
        [t('amountPaid'), input.amount],
        [t('datePaid'), date(input.paidAt)],
        ...(card ? [[r('paymentMethod'), r('cardEnding', { brand: brandName(card.brand), last4: card.last4 })] as [string, string]] : []),
      ],
      note: t('receiptIntro', { number: input.number }),
      link: { label: t('viewOnline'), url: input.link },
    };
  }
  // No card on file (pay-invoice.ts's NO_PAYMENT_METHOD) is no decline: the email then only asks for a card.
  const reason = input.decline.code === 'resource_missing' ? null : errorsTranslator(input.locale)(declineMessageKey(input.decline));
  return {
    ...common,
    subject: t('failedSubject', { merchant }),
    heading: t('failedHeading', { merchant }),
    facts: [doc.due, ...doc.facts.filter(([label]) => label === t('numberLabel'))],
    note: [
      t('failedIntro', { number: input.number }),
      ...(reason ? [t('failedReason', { reason })] : []),
      input.nextAttempt ? t('failedNextRetry', { date: date(input.nextAttempt) }) : t('failedNoRetry'),
    ].join(' '),
    link: { label: t('payOnline'), url: input.link },
  };
}

export function renderInvoiceEmail(input: InvoiceEmailInput): RenderedEmail {
  const v = invoiceEmailView(input);
  return { subject: v.subject, text: receiptText(v), html: receiptHtml(v) };
}
