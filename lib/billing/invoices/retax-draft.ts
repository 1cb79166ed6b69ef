import type { Tx } from '@/db/client';
import { invoiceLines, setInvoiceLineTaxes, type InvoiceChanges, type InvoiceRow } from '@/db/queries/invoices';
import type { StoredInvoiceCustomer } from '@/db/schema';
import { automaticInvoiceTax, lineValues } from './automatic-invoice-tax';
import { taxLocationInvalid } from './invoice-errors';
import { invoiceTotals, lineTaxes, netOf } from './invoice-totals';

/**
 * An automatically taxed draft taxed again as it is finalized, as Stripe does ("at the published rate at the time
 * of finalization"): every line on its amount after discounts, with the customer as they are now. Refused, with
 * nothing written, while the customer's location is still unknown. Returns the invoice's new totals (its lines are
 * written); null for a draft without automatic tax.
 */
export async function retaxDraft(
  tx: Tx,
  invoice: InvoiceRow,
  now: Date,
): Promise<{ changes: InvoiceChanges & { amountDue: number }; taxCustomer: Pick<StoredInvoiceCustomer, 'tax_exempt' | 'tax_ids'> } | null> {
  if (invoice.automaticTaxStatus === null) return null;
  const lines = await invoiceLines(tx, { accountId: invoice.accountId, invoiceId: invoice.id });
  const tax = await automaticInvoiceTax(tx, invoice, { items: lines, at: now, values: () => lineValues(lines) });
  if (tax.status !== 'complete') throw taxLocationInvalid();
  const taxed = lines.map((line) => ({ ...line, taxes: lineTaxes(netOf(line), tax.automatic.get(line.id) ?? []) }));
  for (const line of taxed) await setInvoiceLineTaxes(tx, { accountId: invoice.accountId, id: line.id, taxes: line.taxes });
  const totals = invoiceTotals(taxed);
  // A draft's amount due is its total: the customer's balance is taken only by an invoice made open.
  return { changes: { ...totals, amountDue: totals.total, automaticTaxStatus: 'complete' }, taxCustomer: tax.snapshot };
}
