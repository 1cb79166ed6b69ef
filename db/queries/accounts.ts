import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { accounts } from '../schema';

export type AccountRow = typeof accounts.$inferSelect;

export async function getAccount(db: Queryable, id: string): Promise<AccountRow | null> {
  const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return rows[0] ?? null;
}

export type NewAccountRow = typeof accounts.$inferInsert;

export async function insertAccount(db: Queryable, p: NewAccountRow): Promise<void> {
  await db.insert(accounts).values(p);
}

/** The installation's first account (the demo merchant `npm start` made), or null on an empty database. */
export async function firstAccountId(db: Queryable): Promise<string | null> {
  const rows = await db.select({ id: accounts.id }).from(accounts).orderBy(asc(accounts.createdAt)).limit(1);
  return rows.at(0)?.id ?? null;
}
