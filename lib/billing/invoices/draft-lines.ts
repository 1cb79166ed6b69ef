import type { InvoiceItemRow } from '@/db/queries/invoice-items';
import type { InvoiceLineRow } from '@/db/queries/invoices';
import type { TaxRateRow } from '@/db/queries/tax-rates';
import { newId } from '@/lib/util/ids';
import { lineTaxes, type PricedLine } from './invoice-totals';

/** An invoice line before it has an invoice: what a new invoice and a preview are made of. */
export type DraftLine = PricedLine & {
  description: string | null;
  currency: string;
  quantity: number | null;
  priceId: string | null;
  productId: string | null;
  subscriptionId: string | null;
  subscriptionItemId: string | null;
  invoiceItemId: string | null;
  proration: boolean;
  periodStart: Date;
  periodEnd: Date;
};

/**
 * Rates automatic tax chose, by subscription item or invoice item id (lib/billing/invoices/subscription-tax.ts):
 * where given, they replace the item's and the subscription's tax rates (which automatic tax does not allow).
 */
export type AutomaticRates = ReadonlyMap<string, TaxRateRow[]>;

/** The rates that tax an item: automatic tax's, else its own, else the subscription's default tax rates (Stripe: item rates override). */
export function ratesFor(
  item: { id: string; taxRateIds: readonly string[] },
  p: { defaultTaxRateIds: readonly string[]; rates: ReadonlyMap<string, TaxRateRow>; automatic?: AutomaticRates | null },
): TaxRateRow[] {
  if (p.automatic) return p.automatic.get(item.id) ?? [];
  return (item.taxRateIds.length ? item.taxRateIds : p.defaultTaxRateIds).flatMap((id) => p.rates.get(id) ?? []);
}

/**
 * The lines of pending invoice items. A proration carries its discount inside its amount (its discounts are
 * listed with 0), so it is taxed on its amount as it is; so is an item that is not discountable.
 */
export function invoiceItemLines(
  items: readonly InvoiceItemRow[],
  p: { defaultTaxRateIds: readonly string[]; rates: ReadonlyMap<string, TaxRateRow>; automatic?: AutomaticRates | null },
): DraftLine[] {
  return items.map((item) => ({
    description: item.description,
    amount: item.amount,
    currency: item.currency,
    quantity: item.quantity,
    priceId: item.priceId,
    productId: item.productId,
    subscriptionId: item.subscriptionId,
    subscriptionItemId: item.subscriptionItemId,
    invoiceItemId: item.id,
    proration: item.proration,
    periodStart: item.periodStart,
    periodEnd: item.periodEnd,
    discountAmounts: item.discountIds.map((discount) => ({ discount, amount: 0 })),
    taxes: lineTaxes(item.amount, ratesFor(item, p)),
  }));
}

/** A line row before it is written: every column but those the database fills in. */
export type NewLineRow = Omit<InvoiceLineRow, 'seq' | 'livemode' | 'metadata'>;

/** The rows of an invoice's lines, in order. */
export function lineRows(lines: readonly DraftLine[], p: { accountId: string; invoiceId: string; now: Date }): NewLineRow[] {
  return lines.map((line, position) => ({
    id: newId('il'),
    accountId: p.accountId,
    invoiceId: p.invoiceId,
    position,
    description: line.description,
    amount: line.amount,
    currency: line.currency,
    quantity: line.quantity,
    priceId: line.priceId,
    productId: line.productId,
    subscriptionId: line.subscriptionId,
    subscriptionItemId: line.subscriptionItemId,
    invoiceItemId: line.invoiceItemId,
    proration: line.proration,
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
    discountAmounts: line.discountAmounts,
    taxes: line.taxes,
    createdAt: p.now,
  }));
}
