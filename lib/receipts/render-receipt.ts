import type { AccountBranding, AccountBusinessDetails, Address } from '@/db/schema';
import type { MessageLocale } from '@/i18n/locales';
import { resolveTheme } from '@/lib/branding/theme';
import { formatAmount } from '@/lib/money/format';
import { receiptTranslator, taxTranslator as taxT, type ReceiptT } from './receipt-translator';
import { receiptHtml } from './receipt-html';
import { brandName } from '@/lib/payments/card-brands';
import {
  amountLabel,
  refundFacts,
  refundsView,
  statusView,
  type ReceiptRefund,
  type ReceiptRefundsView,
  type ReceiptState,
  type ReceiptStatusView,
} from './receipt-sections';

/** An address as a session collected it or a merchant gave it: any key may be missing. */
export type ReceiptAddress = Partial<Address>;

export type ReceiptInput = {
  locale: MessageLocale;
  merchant: { name: string; branding: AccountBranding; business: AccountBusinessDetails | null };
  number: string;
  paidAt: Date;
  currency: string;
  items: { name: string; quantity: number; amount: number }[];
  amounts: { subtotal: number; discount: number; shipping: number; tax: number; total: number };
  card: { brand: string; last4: string } | null;
  sepaDebit?: { last4: string } | null;
  shipping: { name: string | null; address: ReceiptAddress } | null;
  /** What became of the payment (default: paid). */
  state?: ReceiptState;
  /** What the charge took (or holds): less than the order's total after a partial capture. Default: amounts.total. */
  charged?: number;
  /** The charge's refunds, oldest first. */
  refunds?: readonly ReceiptRefund[];
  /** Set for the email that tells of this refund: it leads with the refund, then the payment it came from. */
  refund?: { amount: number; createdAt: Date } | null;
  /** The hosted receipt page (receiptUrl), for emails. */
  link?: string | null;
  /** Automatic tax reverse-charged the VAT: the legal note, with the customer's VAT number(s). */
  reverseCharge?: { customerTaxIds: string[] } | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

/** Every string a receipt shows, localized and formatted once, for both the text and the HTML part. */
export type ReceiptView = {
  /** The email's language: its <html lang> and writing direction. */
  locale: MessageLocale;
  subject: string;
  heading: string;
  number: string;
  status: ReceiptStatusView | null;
  facts: [label: string, value: string][];
  summaryTitle: string;
  items: { name: string; detail: string; amount: string }[];
  totals: [label: string, value: string][];
  shipTo: { title: string; lines: string[] } | null;
  refunds: ReceiptRefundsView | null;
  /** Under the totals: why there is no VAT (reverse charge), and the customer's VAT number. */
  taxNote: string | null;
  contact: string[];
  /** A line about when a refund arrives, in a refund's email. */
  note: string | null;
  link: { label: string; url: string } | null;
  footer: string;
  colors: { brand: string; brandText: string };
  logoUrl: string | null;
};

/** Only https images: a merchant string never becomes a script or a mixed-content load. */
const httpsOnly = (url: string | null | undefined) => (url && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null);

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function addressLines(a: ReceiptAddress, locale: string): string[] {
  const cityLine = [a.postal_code, a.city, a.state].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine, a.country ? countryName(a.country, locale) : null].filter((l): l is string => !!l);
}

/** "Visa ending in 4242" or "SEPA Direct Debit ending in 3000": never more of the number than the last four. */
function methodFact(r: ReceiptInput, t: ReceiptT): [string, string][] {
  if (r.card) return [[t('paymentMethod'), t('cardEnding', { brand: brandName(r.card.brand), last4: r.card.last4 })]];
  if (r.sepaDebit) return [[t('paymentMethod'), t('sepaEnding', { last4: r.sepaDebit.last4 })]];
  return [];
}

export function receiptView(r: ReceiptInput): ReceiptView {
  const t = receiptTranslator(r.locale);
  const money = (minor: number) => formatAmount(minor, r.currency, r.locale);
  const merchant = r.merchant.name;
  const theme = resolveTheme(r.merchant.branding);
  const dateFormat = new Intl.DateTimeFormat(r.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const date = (d: Date) => dateFormat.format(d);
  const state = r.state ?? 'paid';
  const charged = r.charged ?? r.amounts.total;
  const format = { t, money, date };
  const facts: [string, string][] = r.refund
    ? refundFacts(r.refund, { amount: charged, at: r.paidAt }, format)
    : [
        [amountLabel(state, t), money(charged)],
        [state === 'paid' ? t('datePaid') : t('date'), date(r.paidAt)],
      ];
  facts.push(...methodFact(r, t));
  // Zero rows are noise on a receipt; the subtotal and total always show.
  const totals: [string, string][] = [[t('subtotal'), money(r.amounts.subtotal)]];
  if (r.amounts.discount) totals.push([t('discount'), money(-r.amounts.discount)]);
  if (r.amounts.shipping) totals.push([t('shipping'), money(r.amounts.shipping)]);
  if (r.amounts.tax) totals.push([t('tax'), money(r.amounts.tax)]);
  totals.push([t('total'), money(r.amounts.total)]);
  const business = r.merchant.business;
  const contact = [
    ...(business?.support_email ? [t('contact', { merchant, email: business.support_email })] : []),
    ...(business?.support_phone ? [t('contactPhone', { phone: business.support_phone })] : []),
    ...(business?.address ? addressLines(business.address, r.locale) : []),
  ];
  return {
    locale: r.locale,
    subject: r.refund ? t('refundSubject', { merchant, number: r.number }) : t('subject', { merchant, number: r.number }),
    heading: r.refund ? t('refundHeading', { merchant }) : t('heading', { merchant }),
    number: t('number', { number: r.number }),
    status: statusView(state, t),
    facts,
    summaryTitle: t('summary'),
    items: r.items.map((i) => ({ name: i.name, detail: t('quantity', { quantity: i.quantity }), amount: money(i.amount) })),
    totals,
    shipTo: r.shipping
      ? { title: t('shipTo'), lines: [...(r.shipping.name ? [r.shipping.name] : []), ...addressLines(r.shipping.address, r.locale)] }
      : null,
    refunds: refundsView(state, r.refunds ?? [], format),
    contact,
    note: r.refund ? t('refundTiming') : null,
    taxNote: r.reverseCharge ? [taxT(r.locale)('reverseCharge'), ...r.reverseCharge.customerTaxIds].join(' ') : null,
    link: r.link ? { label: t('viewOnline'), url: r.link } : null,
    footer: r.refund ? t('refundFooter', { merchant }) : t('footer', { merchant }),
    colors: { brand: theme.button, brandText: theme.buttonText },
    logoUrl: httpsOnly(r.merchant.branding.logo_url),
  };
}

export function receiptText(v: ReceiptView): string {
  const out = [v.heading, v.number];
  if (v.status) out.push(`${v.status.label}: ${v.status.detail}`);
  out.push('', ...v.facts.map(([k, val]) => `${k}: ${val}`));
  if (v.note) out.push(v.note);
  if (v.link) out.push('', `${v.link.label}: ${v.link.url}`);
  out.push('', v.summaryTitle);
  for (const i of v.items) out.push(`${i.name} — ${i.detail} — ${i.amount}`);
  out.push('', ...v.totals.map(([k, val]) => `${k}: ${val}`));
  if (v.taxNote) out.push(v.taxNote);
  if (v.refunds) {
    out.push('', v.refunds.title);
    for (const r of v.refunds.rows) out.push(`${r.date} — ${r.amount} — ${r.status}`);
    out.push(`${v.refunds.total[0]}: ${v.refunds.total[1]}`);
  }
  if (v.shipTo) out.push('', v.shipTo.title, ...v.shipTo.lines);
  if (v.contact.length) out.push('', ...v.contact);
  out.push('', v.footer);
  return out.join('\n') + '\n';
}

/** A localized receipt as an email: subject, plain text and (escaped) HTML. Pure: no I/O, no clock. */
export function renderReceipt(r: ReceiptInput): RenderedEmail {
  const v = receiptView(r);
  return { subject: v.subject, text: receiptText(v), html: receiptHtml(v) };
}
