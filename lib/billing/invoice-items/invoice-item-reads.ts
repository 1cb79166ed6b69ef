import type { Queryable } from '@/db/client';
import { taxRatesByIds } from '@/db/queries/checkout-refs';
import { findInvoiceItem, type InvoiceItemRow } from '@/db/queries/invoice-items';
import { invoiceItems } from '@/db/schema';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { noSuchObject } from '@/lib/api/errors';
import { createdFilter, listObject, listPage } from '@/lib/api/list';
import { serializeInvoiceItem } from '@/lib/api/serialize/invoice-item';
import type { ListInvoiceItemsParams } from '@/lib/validation/invoice-items';

/** The items as the API shows them, with their tax rates. */
export async function invoiceItemObjects(db: Queryable, accountId: string, rows: InvoiceItemRow[]) {
  const rates = await taxRatesByIds(
    db,
    accountId,
    rows.flatMap((r) => r.taxRateIds),
  );
  return rows.map((row) =>
    serializeInvoiceItem(
      row,
      row.taxRateIds.flatMap((id) => rates.get(id) ?? []),
    ),
  );
}

export async function retrieveInvoiceItem(db: Queryable, p: { accountId: string; id: string }) {
  const row = await findInvoiceItem(db, p);
  if (!row) throw noSuchObject('invoiceitem', p.id);
  const [object] = await invoiceItemObjects(db, p.accountId, [row]);
  return object;
}

/** GET /v1/invoiceitems: newest first, by customer, invoice, pending or not, creation time. */
export async function listInvoiceItems(db: Queryable, accountId: string, p: ListInvoiceItemsParams) {
  const { rows, hasMore } = await listPage(db, invoiceItems, {
    accountId,
    kind: 'invoiceitem',
    params: p,
    filters: [
      p.customer === undefined ? undefined : eq(invoiceItems.customerId, p.customer),
      p.invoice === undefined ? undefined : eq(invoiceItems.invoiceId, p.invoice),
      p.pending === undefined ? undefined : p.pending ? isNull(invoiceItems.invoiceId) : isNotNull(invoiceItems.invoiceId),
      and(...createdFilter(invoiceItems.createdAt, p.created)),
    ],
  });
  return listObject('/v1/invoiceitems', await invoiceItemObjects(db, accountId, rows), hasMore);
}
