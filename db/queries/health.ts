import { sql } from 'drizzle-orm';
import type { Queryable } from '../client';

/** The cheapest round trip the database answers: the health check's probe. */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.execute(sql`select 1`);
}

type MigrationRow = { created_at: string | number | null };

/** When the newest migration applied here was written (drizzle's journal `when`, ms), or null before any. */
export async function latestAppliedMigration(db: Queryable): Promise<number | null> {
  const result: unknown = await db.execute(sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`);
  // postgres.js answers the rows themselves, PGlite an object holding them.
  const rows: MigrationRow[] = Array.isArray(result) ? (result as MigrationRow[]) : (result as { rows: MigrationRow[] }).rows;
  const at = rows[0]?.created_at;
  return at == null ? null : Number(at);
}
