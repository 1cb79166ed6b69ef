import type { InvoiceLineRow, InvoiceRow } from '@/db/queries/invoices';
import type { AccountBusinessDetails } from '@/db/schema';
import type { MessageLocale } from '@/i18n/locales';
import { formatAmount } from '@/lib/money/format';
import { addressLines } from '@/lib/receipts/render-receipt';
import { taxTranslator } from '@/lib/receipts/receipt-translator';
import { invoiceTranslator, type InvoiceT } from './invoice-translator';

/**
 * What an invoice says, every string localized and formatted once, for the hosted invoice page, its PDF
 * and the invoice emails alike, so the three always agree. Pure: no I/O, no clock.
 */

export type InvoiceDocumentInput = {
  locale: MessageLocale;
  merchant: { name: string; business: AccountBusinessDetails | null };
  invoice: Pick<
    InvoiceRow,
    | 'number'
    | 'status'
    | 'currency'
    | 'subtotal'
    | 'total'
    | 'amountPaid'
    | 'amountRemaining'
    | 'totalTaxes'
    | 'totalDiscountAmounts'
    | 'finalizedAt'
    | 'createdAt'
    | 'paidAt'
    | 'customer'
    | 'nextPaymentAttempt'
  >;
  lines: readonly Pick<InvoiceLineRow, 'description' | 'quantity' | 'amount' | 'periodStart' | 'periodEnd'>[];
  /** The tax rates the invoice names, by id: their display name and percentage. */
  taxRates: ReadonlyMap<string, { displayName: string; percentage: string }>;
  /** The coupons' names of the invoice's discounts, by discount id, where known. */
  discountNames: ReadonlyMap<string, string>;
};

export type InvoiceState = InvoiceRow['status'];

export type InvoiceDocument = {
  heading: string;
  number: string;
  status: { state: InvoiceState; label: string };
  /** The line under the heading: what is due, when it was paid, or why nothing is. */
  headline: string;
  facts: [label: string, value: string][];
  billTo: { title: string; lines: string[] } | null;
  itemsTitle: string;
  headers: { description: string; amount: string };
  items: { description: string; detail: string[]; amount: string }[];
  /** Subtotal, discounts, taxes, total, and what was paid; the amount due is `due`. */
  totals: [label: string, value: string][];
  due: [label: string, value: string];
  /** When the next automatic attempt will be made, for an open invoice that has one. */
  nextAttempt: string | null;
  /** Under the totals: why there is no VAT (automatic tax's reverse charge), with the customer's VAT number(s). */
  taxNote: string | null;
  contact: string[];
};

const STATUS_KEY = {
  draft: 'statusDraft',
  open: 'statusOpen',
  paid: 'statusPaid',
  void: 'statusVoid',
  uncollectible: 'statusUncollectible',
} as const satisfies Record<InvoiceState, string>;

type Format = { t: InvoiceT; money: (minor: number) => string; date: (d: Date) => string };

function headline(input: InvoiceDocumentInput, f: Format): string {
  const { invoice } = input;
  switch (invoice.status) {
    case 'open':
      return f.t('headlineDue', { amount: f.money(invoice.amountRemaining) });
    case 'paid':
      return f.t('headlinePaid', { date: f.date(invoice.paidAt ?? invoice.createdAt) });
    case 'void':
      return f.t('headlineVoid');
    case 'uncollectible':
      return f.t('headlineUncollectible', { merchant: input.merchant.name });
    case 'draft':
      return f.t('headlineDraft');
  }
}

function percentOf(percentage: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(Number(percentage) / 100);
}

/** One row per discount and per tax rate, in the order the invoice lists them. */
function adjustmentRows(input: InvoiceDocumentInput, f: Format): [string, string][] {
  const rows: [string, string][] = [];
  for (const d of input.invoice.totalDiscountAmounts) {
    const name = input.discountNames.get(d.discount);
    rows.push([name ? f.t('discountNamed', { name }) : f.t('discount'), f.money(-d.amount)]);
  }
  for (const tax of input.invoice.totalTaxes) {
    const rate = input.taxRates.get(tax.tax_rate);
    const name = rate?.displayName ?? '';
    const percent = rate ? percentOf(rate.percentage, input.locale) : '';
    rows.push([tax.inclusive ? f.t('taxIncluded', { name, percent }) : f.t('tax', { name, percent }), f.money(tax.amount)]);
  }
  return rows;
}

export function invoiceDocument(input: InvoiceDocumentInput): InvoiceDocument {
  const { invoice, locale } = input;
  const t = invoiceTranslator(locale);
  const money = (minor: number) => formatAmount(minor, invoice.currency, locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const date = (d: Date) => dateFormat.format(d);
  const f = { t, money, date };
  const merchant = input.merchant.name;
  const period = (start: Date, end: Date) =>
    start.getTime() === end.getTime() ? null : t('periodValue', { start: date(start), end: date(end) });

  const facts: [string, string][] = [];
  if (invoice.number) facts.push([t('numberLabel'), invoice.number]);
  facts.push([t('dateIssued'), date(invoice.finalizedAt ?? invoice.createdAt)]);
  if (invoice.status === 'paid' && invoice.paidAt) facts.push([t('datePaid'), date(invoice.paidAt)]);

  const customer = invoice.customer;
  const billTo = customer
    ? [customer.name, customer.email, ...(customer.address ? addressLines(customer.address, locale) : [])].filter((l): l is string => !!l)
    : [];
  const totals: [string, string][] = [
    [t('subtotal'), money(invoice.subtotal)],
    ...adjustmentRows(input, f),
    [t('total'), money(invoice.total)],
  ];
  if (invoice.amountPaid > 0) totals.push([t('amountPaid'), money(invoice.amountPaid)]);
  const business = input.merchant.business;
  return {
    heading: t('heading', { merchant }),
    number: invoice.number ? t('number', { number: invoice.number }) : t('draftNumber'),
    status: { state: invoice.status, label: t(STATUS_KEY[invoice.status]) },
    headline: headline(input, f),
    facts,
    billTo: billTo.length ? { title: t('billTo'), lines: billTo } : null,
    itemsTitle: t('items'),
    headers: { description: t('description'), amount: t('amount') },
    items: input.lines.map((line) => ({
      description: line.description ?? '',
      detail: [
        ...(line.quantity !== null ? [t('quantity', { quantity: line.quantity })] : []),
        ...[period(line.periodStart, line.periodEnd)].filter((p): p is string => p !== null),
      ],
      amount: money(line.amount),
    })),
    totals,
    due: [t('amountDue'), money(invoice.amountRemaining)],
    nextAttempt:
      invoice.status === 'open' && invoice.nextPaymentAttempt ? t('nextAttempt', { date: date(invoice.nextPaymentAttempt) }) : null,
    taxNote: invoice.totalTaxes.some((tax) => tax.taxability_reason === 'reverse_charge')
      ? [taxTranslator(locale)('reverseCharge'), ...(customer?.tax_ids ?? []).map((id) => id.value)].join(' ')
      : null,
    contact: [
      ...(business?.support_email ? [t('contact', { merchant, email: business.support_email })] : []),
      ...(business?.support_phone ? [t('contactPhone', { phone: business.support_phone })] : []),
      ...(business?.address ? addressLines(business.address, locale) : []),
    ],
  };
}
