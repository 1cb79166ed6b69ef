import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { invoiceItems } from '../schema';

export type InvoiceItemRow = typeof invoiceItems.$inferSelect;
export type NewInvoiceItemRow = typeof invoiceItems.$inferInsert;

export async function insertInvoiceItems(db: Queryable, rows: NewInvoiceItemRow[]): Promise<InvoiceItemRow[]> {
  return rows.length ? db.insert(invoiceItems).values(rows).returning() : [];
}

export async function findInvoiceItem(db: Queryable, p: { accountId: string; id: string }): Promise<InvoiceItemRow | null> {
  const rows = await db
    .select()
    .from(invoiceItems)
    .where(and(eq(invoiceItems.accountId, p.accountId), eq(invoiceItems.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/**
 * The subscription's pending invoice items (on no invoice yet), oldest first, locked: what its next invoice
 * takes in. Call it under the subscription's lock (`lockSubscription`), which every change to its items takes
 * too. `lock: false` reads them without locking, for a preview.
 */
export async function pendingInvoiceItemsOf(db: Queryable, subscriptionId: string, p: { lock?: boolean } = {}): Promise<InvoiceItemRow[]> {
  const query = db
    .select()
    .from(invoiceItems)
    .where(and(eq(invoiceItems.subscriptionId, subscriptionId), isNull(invoiceItems.invoiceId)))
    .orderBy(asc(invoiceItems.seq));
  return p.lock === false ? query : query.for('update');
}

/**
 * Puts the pending items on the invoice, each only if it is still pending: throws when one was taken by
 * another invoice meanwhile, so the caller's transaction rolls back rather than bill an item twice.
 */
export async function attachInvoiceItems(db: Queryable, ids: string[], invoiceId: string): Promise<void> {
  if (!ids.length) return;
  const taken = await db
    .update(invoiceItems)
    .set({ invoiceId })
    .where(and(inArray(invoiceItems.id, ids), isNull(invoiceItems.invoiceId)))
    .returning({ id: invoiceItems.id });
  if (taken.length !== new Set(ids).size) throw new Error(`attachInvoiceItems: some of ${ids.join(', ')} are no longer pending`);
}
