import type { AccountBranding, AccountBusinessDetails } from '@/db/schema';
import type { MessageLocale } from '@/i18n/locales';
import { resolveTheme } from '@/lib/branding/theme';
import { formatAmount } from '@/lib/money/format';
import { receiptTranslator } from './receipt-translator';
import { receiptHtml } from './receipt-html';
import { brandName } from '@/lib/payments/card-brands';

export type ReceiptAddress = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
};

export type ReceiptInput = {
  locale: MessageLocale;
  merchant: { name: string; branding: AccountBranding; business: AccountBusinessDetails | null };
  number: string;
  paidAt: Date;
  currency: string;
  items: { name: string; quantity: number; amount: number }[];
  amounts: { subtotal: number; discount: number; shipping: number; tax: number; total: number };
  card: { brand: string; last4: string } | null;
  shipping: { name: string | null; address: ReceiptAddress } | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

/** Every string a receipt shows, localized and formatted once, for both the text and the HTML part. */
export type ReceiptView = {
  subject: string;
  heading: string;
  number: string;
  facts: [label: string, value: string][];
  summaryTitle: string;
  items: { name: string; detail: string; amount: string }[];
  totals: [label: string, value: string][];
  shipTo: { title: string; lines: string[] } | null;
  contact: string[];
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

export function receiptView(r: ReceiptInput): ReceiptView {
  const t = receiptTranslator(r.locale);
  const money = (minor: number) => formatAmount(minor, r.currency, r.locale);
  const merchant = r.merchant.name;
  const theme = resolveTheme(r.merchant.branding);
  const date = new Intl.DateTimeFormat(r.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(r.paidAt);
  const facts: [string, string][] = [
    [t('amountPaid'), money(r.amounts.total)],
    [t('datePaid'), date],
  ];
  if (r.card) facts.push([t('paymentMethod'), t('cardEnding', { brand: brandName(r.card.brand), last4: r.card.last4 })]);
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
    subject: t('subject', { merchant, number: r.number }),
    heading: t('heading', { merchant }),
    number: t('number', { number: r.number }),
    facts,
    summaryTitle: t('summary'),
    items: r.items.map((i) => ({ name: i.name, detail: t('quantity', { quantity: i.quantity }), amount: money(i.amount) })),
    totals,
    shipTo: r.shipping
      ? { title: t('shipTo'), lines: [...(r.shipping.name ? [r.shipping.name] : []), ...addressLines(r.shipping.address, r.locale)] }
      : null,
    contact,
    footer: t('footer', { merchant }),
    colors: { brand: theme.button, brandText: theme.buttonText },
    logoUrl: httpsOnly(r.merchant.branding.logo_url),
  };
}

function receiptText(v: ReceiptView): string {
  const out = [v.heading, v.number, '', ...v.facts.map(([k, val]) => `${k}: ${val}`), '', v.summaryTitle];
  for (const i of v.items) out.push(`${i.name} — ${i.detail} — ${i.amount}`);
  out.push('', ...v.totals.map(([k, val]) => `${k}: ${val}`));
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
