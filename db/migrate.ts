import path from 'node:path';
import { dbHandle } from './client';
import { dbConfig } from './config';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
const MIGRATION_LOCK = 727274;

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export async function migrate(): Promise<void> {
  const url = dbConfig().DATABASE_URL;
  if (url) {
    // One dedicated connection, so the advisory lock and the migration share a
    // session: several app processes may start at once, one migrates.
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await run(drizzle(sql), { migrationsFolder });
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await sql.end({ timeout: 5 });
    }
    return;
  }
  const handle = await dbHandle();
  if (handle.driver !== 'pglite') throw new Error('migrate: no DATABASE_URL, yet the database is not PGlite');
  const { migrate: run } = await import('drizzle-orm/pglite/migrator');
  await run(handle.pglite, { migrationsFolder });
}
