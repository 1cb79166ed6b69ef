import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { dashboardCredentials, dashboardUsers } from '@/db/schema';

export type NewDashboardUser = { email: string; name: string; passwordHash: string; emailVerified?: boolean };
/** The new rows' ids, made by the caller (better-auth's shape: 32 base62 characters, lib/util/ids.ts). */
export type DashboardUserIds = { userId: string; credentialId: string };

/**
 * A dashboard user and their email-and-password credential, stored as better-auth's own sign-up stores
 * them (the hash comes from its hasher, lib/auth/password-hash.ts), so it can take part in a caller's
 * transaction. An email already in use fails on the unique index (23505).
 */
export async function insertDashboardUser(db: Queryable, p: NewDashboardUser, ids: DashboardUserIds): Promise<string> {
  const id = ids.userId;
  await db.insert(dashboardUsers).values({ id, email: p.email, name: p.name, emailVerified: p.emailVerified ?? false });
  await db
    .insert(dashboardCredentials)
    .values({ id: ids.credentialId, accountId: id, providerId: 'credential', userId: id, password: p.passwordHash });
  return id;
}

export async function findDashboardUserByEmail(db: Queryable, email: string): Promise<{ id: string; email: string; name: string } | null> {
  const rows = await db
    .select({ id: dashboardUsers.id, email: dashboardUsers.email, name: dashboardUsers.name })
    .from(dashboardUsers)
    .where(eq(dashboardUsers.email, email))
    .limit(1);
  return rows.at(0) ?? null;
}
