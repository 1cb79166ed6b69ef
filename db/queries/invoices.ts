import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client';
import { invoiceLineItems, invoiceNumberSequences, invoices } from '../schema';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoiceRow = typeof invoices.$inferInsert;
export type InvoiceLineRow = typeof invoiceLineItems.$inferSelect;
export type NewInvoiceLineRow = typeof invoiceLineItems.$inferInsert;
export type InvoiceChanges = Partial<Omit<NewInvoiceRow, 'id' | 'accountId' | 'seq'>>;

/** Inserts the invoice, or nothing when a unique index says it exists already (a period invoiced by another process). */
export async function insertInvoice(db: Queryable, p: NewInvoiceRow): Promise<InvoiceRow | null> {
  const rows = await db.insert(invoices).values(p).onConflictDoNothing().returning();
  return rows.at(0) ?? null;
}

export async function insertInvoiceLines(db: Queryable, rows: NewInvoiceLineRow[]): Promise<void> {
  if (rows.length) await db.insert(invoiceLineItems).values(rows);
}

export async function findInvoice(db: Queryable, p: { accountId: string; id: string }): Promise<InvoiceRow | null> {
  const rows = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, p.accountId), eq(invoices.id, p.id)))
    .limit(1);
  return rows.at(0) ?? null;
}

/** An invoice by id alone, for the hosted invoice page (whose signed link is the key). */
export async function findInvoiceById(db: Queryable, id: string): Promise<InvoiceRow | null> {
  const rows = await db.select().from(invoices).where(eq(invoices.id, id)).limit(1);
  return rows.at(0) ?? null;
}

export async function lockInvoice(db: Queryable, p: { accountId: string; id: string }): Promise<InvoiceRow | null> {
  const rows = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, p.accountId), eq(invoices.id, p.id)))
    .for('update')
    .limit(1);
  return rows.at(0) ?? null;
}

/** Sets fields only while the invoice is in one of `from`: null when it had moved on (the caller's transition lost). */
export async function updateInvoiceIf(
  db: Queryable,
  p: { accountId: string; id: string; from: InvoiceRow['status'][]; set: InvoiceChanges },
): Promise<InvoiceRow | null> {
  const rows = await db
    .update(invoices)
    .set(p.set)
    .where(and(eq(invoices.accountId, p.accountId), eq(invoices.id, p.id), inArray(invoices.status, p.from)))
    .returning();
  return rows.at(0) ?? null;
}

/**
 * A subscription's open invoices, locked, leaving out any whose lock another transaction holds: for a
 * caller that holds the subscription's lock, since recording a payment locks the invoice, then the
 * subscription (waiting here would deadlock with it).
 */
export async function lockFreeOpenInvoicesOfSubscription(
  db: Queryable,
  p: { accountId: string; subscriptionId: string },
): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, p.accountId), eq(invoices.subscriptionId, p.subscriptionId), eq(invoices.status, 'open')))
    .orderBy(asc(invoices.seq))
    .for('update', { skipLocked: true });
}

export async function invoiceLines(db: Queryable, p: { accountId: string; invoiceId: string }): Promise<InvoiceLineRow[]> {
  return db
    .select()
    .from(invoiceLineItems)
    .where(and(eq(invoiceLineItems.accountId, p.accountId), eq(invoiceLineItems.invoiceId, p.invoiceId)))
    .orderBy(asc(invoiceLineItems.position));
}

/** A draft's line taxed anew (automatic tax at finalization). */
export async function setInvoiceLineTaxes(db: Queryable, p: { accountId: string; id: string; taxes: InvoiceLineRow['taxes'] }) {
  await db
    .update(invoiceLineItems)
    .set({ taxes: p.taxes })
    .where(and(eq(invoiceLineItems.accountId, p.accountId), eq(invoiceLineItems.id, p.id)));
}

/** The lines of several invoices, each invoice's in order. */
export async function linesOfInvoices(db: Queryable, p: { accountId: string; invoiceIds: string[] }): Promise<InvoiceLineRow[]> {
  if (!p.invoiceIds.length) return [];
  return db
    .select()
    .from(invoiceLineItems)
    .where(and(eq(invoiceLineItems.accountId, p.accountId), inArray(invoiceLineItems.invoiceId, p.invoiceIds)))
    .orderBy(asc(invoiceLineItems.invoiceId), asc(invoiceLineItems.position));
}

/**
 * The account's next invoice number, taken in the caller's transaction: the counter row stays locked
 * until it commits, and a rollback gives the number back, so numbers are sequential with no gap and no reuse.
 */
export async function takeInvoiceNumber(db: Queryable, p: { accountId: string; prefix: string }): Promise<string> {
  const row = (
    await db
      .insert(invoiceNumberSequences)
      .values({ accountId: p.accountId, prefix: p.prefix, next: 2 })
      .onConflictDoUpdate({ target: invoiceNumberSequences.accountId, set: { next: sql`${invoiceNumberSequences.next} + 1` } })
      .returning()
  ).at(0);
  if (!row) throw new Error('takeInvoiceNumber: no row returned');
  return `${row.prefix}-${String(row.next - 1).padStart(4, '0')}`;
}
