import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accountMembers, accounts } from '@/db/schema';

export type Membership = { accountId: string; name: string; displayName: string | null; role: 'owner' | 'member' };

/** The accounts a dashboard user belongs to, oldest first. */
export function membershipsOf(db: Queryable, userId: string): Promise<Membership[]> {
  return db
    .select({ accountId: accounts.id, name: accounts.name, displayName: accounts.displayName, role: accountMembers.role })
    .from(accountMembers)
    .innerJoin(accounts, eq(accounts.id, accountMembers.accountId))
    .where(eq(accountMembers.userId, userId))
    .orderBy(asc(accountMembers.createdAt), asc(accounts.id));
}

export async function addMember(db: Queryable, p: { userId: string; accountId: string; role?: 'owner' | 'member' }) {
  await db
    .insert(accountMembers)
    .values({ userId: p.userId, accountId: p.accountId, role: p.role ?? 'owner' })
    .onConflictDoNothing();
}

export async function isMember(db: Queryable, p: { userId: string; accountId: string }): Promise<boolean> {
  const rows = await db
    .select({ one: accountMembers.userId })
    .from(accountMembers)
    .where(and(eq(accountMembers.userId, p.userId), eq(accountMembers.accountId, p.accountId)))
    .limit(1);
  return rows.length > 0;
}

/** Whether anyone can sign in to the account yet. */
export async function hasMembers(db: Queryable, accountId: string): Promise<boolean> {
  const rows = await db.select({ one: accountMembers.userId }).from(accountMembers).where(eq(accountMembers.accountId, accountId)).limit(1);
  return rows.length > 0;
}

/** Adds a member to the account; unlike addMember, an existing membership fails on the primary key (a new account has none). */
export async function insertMember(db: Queryable, p: { accountId: string; userId: string; role: 'owner' | 'member' }): Promise<void> {
  await db.insert(accountMembers).values({ userId: p.userId, accountId: p.accountId, role: p.role });
}
