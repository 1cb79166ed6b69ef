import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { dashboardCredentials, dashboardUsers } from '@/db/schema';
import { randomBase62 } from '@/lib/util/ids';

export type NewDashboardUser = { email: string; name: string; passwordHash: string; emailVerified?: boolean };

/**
 * A dashboard user and their email-and-password credential, stored as better-auth's own sign-up stores
 * them (the hash comes from its hasher, lib/auth/password-hash.ts), so it can take part in a caller's
 * transaction. An email already in use fails on the unique index (23505).
 */
export async function insertDashboardUser(db: Queryable, p: NewDashboardUser): Promise<string> {
  const id = randomBase62(32);
  await db.insert(dashboardUsers).values({ id, email: p.email, name: p.name, emailVerified: p.emailVerified ?? false });
  await db
    .insert(dashboardCredentials)
    .values({ id: randomBase62(32), accountId: id, providerId: 'credential', userId: id, password: p.passwordHash });
  return id;
}

export async function findDashboardUserByEmail(db: Queryable, email: string): Promise<{ id: string; email: string; name: string } | null> {
  const [row] = await db
    .select({ id: dashboardUsers.id, email: dashboardUsers.email, name: dashboardUsers.name })
    .from(dashboardUsers)
    .where(eq(dashboardUsers.email, email))
    .limit(1);
  return row ?? null;
}
