import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { checkoutSessions } from '../schema';
import type { SessionRow } from './checkout-sessions';

/**
 * The hosted page's lookup: by id alone, because the id in the URL is the
 * customer's key (it carries more than 128 random bits). Everything after
 * this is scoped to the session's own account.
 */
export async function findSessionById(db: Queryable, id: string): Promise<SessionRow | null> {
  if (!/^cs_(test|live)_[A-Za-z0-9]{20,80}$/.test(id)) return null;
  const rows = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function lockSessionById(db: Queryable, id: string): Promise<SessionRow | null> {
  if (!/^cs_(test|live)_[A-Za-z0-9]{20,80}$/.test(id)) return null;
  const rows = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}
