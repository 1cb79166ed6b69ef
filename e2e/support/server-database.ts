import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { defined } from './defined';
import type { TestServer } from './test-server';

/**
 * Runs one statement ($1, $2… parameters) on a test server's database and returns its rows: its Postgres database,
 * or its PGlite directory, which only one process may open, so a PGlite server must be stopped (kill) first.
 */
export async function queryServerDatabase<T>(
  server: Pick<TestServer, 'databaseUrl' | 'pgliteDir'>,
  query: string,
  params: (string | number | null)[] = [],
): Promise<T[]> {
  if (server.databaseUrl) {
    const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      return [...(await sql.unsafe(query, params))] as T[];
    } finally {
      await sql.end();
    }
  }
  const db = await PGlite.create(defined(server.pgliteDir, 'server.pgliteDir'));
  try {
    return (await db.query<T>(query, params)).rows;
  } finally {
    await db.close();
  }
}
