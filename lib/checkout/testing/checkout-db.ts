import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/client';
import { useOwnDatabase } from '@/e2e/support/own-database';

/**
 * A database of the test file's own for lib/checkout's tests: in-memory PGlite, or a fresh Postgres
 * database when DATABASE_URL is set (so `npm test` runs them on both). Call at the top of the file.
 */
export function useCheckoutDatabase(prefix: string): () => Db {
  let db: Db | undefined;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- useOwnDatabase is a test fixture named like a hook, not a React hook
    drop = await useOwnDatabase(prefix);
    db = await (await import('@/db/client')).getDb();
  });
  afterAll(() => drop());
  return () => {
    if (!db) throw new Error('the test database is not ready yet');
    return db;
  };
}
