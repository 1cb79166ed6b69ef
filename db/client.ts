import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import * as schema from './schema';
import { dbConfig } from './config';
import { preparingClient } from './preparing-client';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the pool or an open transaction. */
export type Queryable = Db | Tx;

/** `pglite`: the same database, typed for PGlite's migrator (db/migrate.ts). */
type Handle = { db: Db } & ({ driver: 'postgres' } | { driver: 'pglite'; pglite: PgliteDatabase<Schema> });

/** The process's connection: a postgres.js pool or the embedded PGlite. */
type Connection = { close: () => Promise<void> } & ({ driver: 'postgres'; sql: Sql } | { driver: 'pglite'; client: PGlite });

// One connection per process, kept on globalThis so that every copy of this module (Next's route bundles and
// instrumentation, and the API modules scripts/serve.ts loads itself) shares the pool and PGlite's single instance.
const slot = globalThis as unknown as { __caisseDb?: Promise<Connection> };

async function open(): Promise<Connection> {
  const { DATABASE_URL, PGLITE_DIR, DB_POOL_SIZE } = dbConfig();
  if (DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const sql = preparingClient(postgres(DATABASE_URL, { max: DB_POOL_SIZE, onnotice: () => {}, prepare: true }));
    return { driver: 'postgres', sql, close: () => sql.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(PGLITE_DIR, { recursive: true });
  const client = await PGlite.create(PGLITE_DIR);
  return { driver: 'pglite', client, close: () => client.close() };
}

function connection(): Promise<Connection> {
  slot.__caisseDb ??= open().catch((err: unknown) => {
    slot.__caisseDb = undefined;
    throw err;
  });
  return slot.__caisseDb;
}

/**
 * Drizzle around the process's connection, made by this copy of the module: drizzle tells its own objects apart
 * with `instanceof` first, so queries built from one copy's tables run fastest on that copy's drizzle (mixing
 * copies made every check walk the prototype chain). The drivers are imported statically for the same reason: under
 * tsx a dynamic import() loads drizzle's ESM build beside the CommonJS one the schema's static imports load.
 */
function wrap(conn: Connection): Handle {
  if (conn.driver === 'postgres') {
    return { driver: 'postgres', db: drizzlePostgres(conn.sql, { schema, casing: 'snake_case' }) as unknown as Db };
  }
  const pglite = drizzlePglite(conn.client, { schema, casing: 'snake_case' });
  return { driver: 'pglite', db: pglite as unknown as Db, pglite };
}

let mine: { conn: Promise<Connection>; handle: Promise<Handle> } | undefined;

export function dbHandle(): Promise<Handle> {
  const conn = connection();
  if (mine?.conn !== conn) mine = { conn, handle: conn.then(wrap) };
  return mine.handle;
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const conn = slot.__caisseDb;
  slot.__caisseDb = undefined;
  if (conn) await (await conn).close();
}
