import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client';
import { builtInserts } from '../built-once';
import { checkoutLineItems } from '../schema';
import type { LineItemRow } from './checkout-sessions';

export type NewLineItemRow = typeof checkoutLineItems.$inferInsert;
/** The columns an update may set: everything but the keys and the session. */
export type LineItemFields = Partial<Omit<NewLineItemRow, 'id' | 'accountId' | 'sessionId'>>;

const lineItemInserts = builtInserts(checkoutLineItems);

export async function insertLineItems(db: Queryable, rows: NewLineItemRow[]): Promise<void> {
  await lineItemInserts.rows(db, rows);
}

/** One line of a session, reached by the session (the hosted page's key); null for none. */
export async function findSessionLineItem(db: Queryable, p: { sessionId: string; id: string }): Promise<LineItemRow | null> {
  const rows = await db
    .select()
    .from(checkoutLineItems)
    .where(and(eq(checkoutLineItems.sessionId, p.sessionId), eq(checkoutLineItems.id, p.id)));
  return rows.at(0) ?? null;
}

/** Sets the given columns of one of the account's line items. */
export async function updateLineItemFields(db: Queryable, p: { accountId: string; id: string; set: LineItemFields }): Promise<void> {
  await db
    .update(checkoutLineItems)
    .set(p.set)
    .where(and(eq(checkoutLineItems.accountId, p.accountId), eq(checkoutLineItems.id, p.id)));
}

/** Adds or takes back an optional item of the session: false when the session has no such optional item. */
export async function setOptionalItemIfOffered(db: Queryable, p: { sessionId: string; id: string; selected: boolean }): Promise<boolean> {
  const rows = await db
    .update(checkoutLineItems)
    .set({ selected: p.selected })
    .where(and(eq(checkoutLineItems.sessionId, p.sessionId), eq(checkoutLineItems.id, p.id), eq(checkoutLineItems.optional, true)))
    .returning({ id: checkoutLineItems.id });
  return rows.length > 0;
}

export async function deleteSessionLineItems(db: Queryable, p: { sessionId: string; ids: string[] }): Promise<void> {
  await db.delete(checkoutLineItems).where(and(eq(checkoutLineItems.sessionId, p.sessionId), inArray(checkoutLineItems.id, p.ids)));
}
