import type { Queryable } from '@/db/client';
import { getAccount } from '@/db/queries/accounts';
import { invoiceLines, type InvoiceRow } from '@/db/queries/invoices';
import { serializeInvoice } from '@/lib/api/serialize/invoice';
import { env } from '@/lib/env';

/** The invoice as the API shows it, with its lines. */
export async function invoiceObject(db: Queryable, invoice: InvoiceRow) {
  const [lines, account] = await Promise.all([
    invoiceLines(db, { accountId: invoice.accountId, invoiceId: invoice.id }),
    getAccount(db, invoice.accountId),
  ]);
  if (!account) throw new Error(`invoiceObject: no account ${invoice.accountId}`);
  return serializeInvoice(invoice, lines, { appUrl: env().APP_URL, account });
}
