import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../client';
import { checkoutLineItems, checkoutSessions, prices } from '../schema';

export type SessionRow = typeof checkoutSessions.$inferSelect;
export type LineItemRow = typeof checkoutLineItems.$inferSelect;

export async function findSession(db: Queryable, p: { accountId: string; id: string }): Promise<SessionRow | null> {
  const rows = await db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.accountId, p.accountId), eq(checkoutSessions.id, p.id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the session row for a state change (FOR UPDATE); null for no such session. */
export async function lockSession(db: Queryable, p: { accountId: string; id: string }): Promise<SessionRow | null> {
  const rows = await db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.accountId, p.accountId), eq(checkoutSessions.id, p.id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** A session's line items with their prices, in order; optional items that were not added are left out unless asked for. */
export async function sessionLineItems(
  db: Queryable,
  p: { accountId: string; sessionId: string; includeUnselected?: boolean; afterPosition?: number; limit?: number },
) {
  const rows = await db
    .select({ line: checkoutLineItems, price: prices })
    .from(checkoutLineItems)
    .innerJoin(prices, eq(prices.id, checkoutLineItems.priceId))
    .where(
      and(
        eq(checkoutLineItems.accountId, p.accountId),
        eq(checkoutLineItems.sessionId, p.sessionId),
        p.includeUnselected ? undefined : eq(checkoutLineItems.selected, true),
        p.afterPosition === undefined ? undefined : gt(checkoutLineItems.position, p.afterPosition),
      ),
    )
    .orderBy(asc(checkoutLineItems.position))
    .limit(p.limit ?? 1000);
  return rows;
}
