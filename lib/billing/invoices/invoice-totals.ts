import type { TaxRateRow } from '@/db/queries/tax-rates';
import type { StoredInvoiceDiscount, StoredInvoiceTax } from '@/db/schema';
import { parseDecimal } from '@/lib/money/decimal';
import { computeTax } from '@/lib/pricing/tax';

/**
 * The taxes of one invoice line on its amount after discounts, by the pricing engine's rules (inclusive
 * rates inside the amount, exclusive ones on top, each rounded half away from zero). A credit is taxed as the
 * opposite of the same charge, so a credit and the charge it undoes leave no tax behind.
 */
export function lineTaxes(net: number, rates: readonly TaxRateRow[]): StoredInvoiceTax[] {
  if (!rates.length) return [];
  const sign = net < 0 ? -1n : 1n;
  const computed = computeTax(
    BigInt(net) * sign,
    rates.map((r) => ({ id: r.id, percent: parseDecimal(r.percentage), inclusive: r.inclusive })),
  );
  return computed.taxes.map((t) => ({
    tax_rate: t.rateId,
    amount: Number(t.amount * sign),
    taxable_amount: Number(t.taxableAmount * sign),
    inclusive: t.inclusive,
    ...reasonOf(rates, t.rateId),
  }));
}

/** Why automatic tax applied a rate (its `taxability_reason`), for the invoice's tax entry; nothing for a manual rate. */
export function reasonOf(rates: readonly TaxRateRow[], rateId: string): Pick<StoredInvoiceTax, 'taxability_reason'> {
  const reason = rates.find((r) => r.id === rateId)?.taxabilityReason;
  return reason ? { taxability_reason: reason } : {};
}

export type PricedLine = { amount: number; discountAmounts: StoredInvoiceDiscount[]; taxes: StoredInvoiceTax[] };

/** What a line is billed after its discounts, with its own tax where its price includes it and none added. */
export const netOf = (line: PricedLine) => line.amount - line.discountAmounts.reduce((sum, d) => sum + d.amount, 0);

export type InvoiceTotals = {
  subtotal: number;
  subtotalExcludingTax: number;
  total: number;
  totalExcludingTax: number;
  totalTaxes: StoredInvoiceTax[];
  totalDiscountAmounts: StoredInvoiceDiscount[];
};

function sumBy<T>(entries: T[], key: (e: T) => string, merge: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const e of entries) {
    const seen = byKey.get(key(e));
    byKey.set(key(e), seen === undefined ? e : merge(seen, e));
  }
  return [...byKey.values()];
}

/** An invoice's totals from its lines, each figure a sum of the lines' own, as Stripe's invoice shows them. */
export function invoiceTotals(lines: readonly PricedLine[]): InvoiceTotals {
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  const discounts = lines.flatMap((l) => l.discountAmounts);
  const taxes = lines.flatMap((l) => l.taxes);
  const discount = discounts.reduce((s, d) => s + d.amount, 0);
  const inclusiveTax = taxes.filter((t) => t.inclusive).reduce((s, t) => s + t.amount, 0);
  const exclusiveTax = taxes.filter((t) => !t.inclusive).reduce((s, t) => s + t.amount, 0);
  const total = subtotal - discount + exclusiveTax;
  return {
    subtotal,
    subtotalExcludingTax: subtotal - inclusiveTax,
    total,
    totalExcludingTax: total - inclusiveTax - exclusiveTax,
    totalTaxes: sumBy(
      taxes,
      (t) => `${t.tax_rate}/${String(t.inclusive)}`,
      (a, b) => ({ ...a, amount: a.amount + b.amount, taxable_amount: a.taxable_amount + b.taxable_amount }),
    ),
    totalDiscountAmounts: sumBy(
      discounts,
      (d) => d.discount,
      (a, b) => ({ ...a, amount: a.amount + b.amount }),
    ),
  };
}
