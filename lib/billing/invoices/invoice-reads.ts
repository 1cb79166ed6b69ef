import type { Queryable } from '@/db/client';
import { getAccount } from '@/db/queries/accounts';
import { findInvoice, linesOfInvoices, type InvoiceLineRow, type InvoiceRow } from '@/db/queries/invoices';
import type { AccountScope } from '@/db/scope';
import { getInvoiceOrThrow } from '@/lib/api/get-or-throw';
import { serializeInvoice } from '@/lib/api/serialize/invoice';
import { env } from '@/lib/env';
import { present } from '@/lib/util/present';

/** Invoices of one account as the API shows them, with their lines, read together. */
export async function invoiceObjects(db: Queryable, accountId: string, invoices: InvoiceRow[]) {
  const [lines, account] = await Promise.all([
    linesOfInvoices(db, { accountId, invoiceIds: invoices.map((i) => i.id) }),
    getAccount(db, accountId),
  ]);
  if (!account) throw new Error(`invoiceObjects: no account ${accountId}`);
  const byInvoice = new Map<string, InvoiceLineRow[]>(invoices.map((i) => [i.id, []]));
  for (const line of lines) byInvoice.get(line.invoiceId)?.push(line);
  const appUrl = env().APP_URL;
  return invoices.map((invoice) => serializeInvoice(invoice, byInvoice.get(invoice.id) ?? [], { appUrl, account }));
}

/** The invoice as the API shows it, with its lines. */
export async function invoiceObject(db: Queryable, invoice: InvoiceRow) {
  return present((await invoiceObjects(db, invoice.accountId, [invoice])).at(0), 'the serialized invoice');
}

/** GET /v1/invoices/:id. */
export async function retrieveInvoice(db: Queryable, scope: AccountScope & { id: string }) {
  return invoiceObject(db, await getInvoiceOrThrow(db, scope));
}

/** The serialized invoice, or null: for expansions, where a missing object leaves the id as it was. */
export async function loadInvoice(db: Queryable, scope: AccountScope & { id: string }) {
  const row = await findInvoice(db, scope);
  return row ? invoiceObject(db, row) : null;
}
