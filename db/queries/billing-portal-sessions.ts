import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../client';
import { billingPortalSessions } from '../schema';

export type PortalSessionRow = typeof billingPortalSessions.$inferSelect;
export type NewPortalSessionRow = typeof billingPortalSessions.$inferInsert;

export async function insertPortalSession(db: Queryable, p: NewPortalSessionRow): Promise<PortalSessionRow> {
  const [row] = await db.insert(billingPortalSessions).values(p).returning();
  return row;
}

/** A portal session by its id alone: the page knows no account until the session names it. */
export async function findPortalSession(db: Queryable, id: string): Promise<PortalSessionRow | null> {
  const rows = await db.select().from(billingPortalSessions).where(eq(billingPortalSessions.id, id)).limit(1);
  return rows[0] ?? null;
}

/**
 * Marks a never-opened session opened at `now`, if it was created after `createdAfter`: a conditional
 * update, so of two first openings one sets the time and the other reads it. Null when not updated.
 */
export async function markPortalSessionOpened(
  db: Queryable,
  p: { id: string; now: Date; createdAfter: Date },
): Promise<PortalSessionRow | null> {
  const rows = await db
    .update(billingPortalSessions)
    .set({ openedAt: p.now })
    .where(
      and(eq(billingPortalSessions.id, p.id), isNull(billingPortalSessions.openedAt), gt(billingPortalSessions.createdAt, p.createdAfter)),
    )
    .returning();
  return rows.at(0) ?? null;
}
