import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import * as schema from './schema';
import { dbConfig } from './config';
import { preparingClient } from './preparing-client';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the pool or an open transaction. */
export type Queryable = Db | Tx;

/** `pglite`: the same database, typed for PGlite's migrator (db/migrate.ts). */
type Handle = { db: Db; close: () => Promise<void> } & ({ driver: 'postgres' } | { driver: 'pglite'; pglite: PgliteDatabase<Schema> });

// One handle per process, kept on globalThis so that Next's module copies
// (route bundles, instrumentation) share the pool and PGlite's single instance.
const slot = globalThis as unknown as { __caisseDb?: Promise<Handle> };

async function open(): Promise<Handle> {
  const { DATABASE_URL, PGLITE_DIR, DB_POOL_SIZE } = dbConfig();
  if (DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const sql = preparingClient(postgres(DATABASE_URL, { max: DB_POOL_SIZE, onnotice: () => {}, prepare: true }));
    return {
      db: drizzle(sql, { schema, casing: 'snake_case' }) as unknown as Db,
      close: () => sql.end({ timeout: 5 }),
      driver: 'postgres',
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(PGLITE_DIR, { recursive: true });
  const client = await PGlite.create(PGLITE_DIR);
  const pglite = drizzle(client, { schema, casing: 'snake_case' });
  return { db: pglite as unknown as Db, close: () => client.close(), driver: 'pglite', pglite };
}

export function dbHandle(): Promise<Handle> {
  slot.__caisseDb ??= open().catch((err: unknown) => {
    slot.__caisseDb = undefined;
    throw err;
  });
  return slot.__caisseDb;
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = slot.__caisseDb;
  slot.__caisseDb = undefined;
  if (handle) await (await handle).close();
}
