import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { instanceSecrets } from '@/db/schema';

// A secret never changes once made, so each process may keep what it read.
const cache = new Map<string, string>();

/** A random secret made once per installation and shared by every app process through the database. */
export async function instanceSecret(db: Queryable, name: string): Promise<string> {
  const known = cache.get(name);
  if (known) return known;
  await db.insert(instanceSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, name));
  cache.set(name, row.value);
  return row.value;
}
