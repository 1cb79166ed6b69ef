import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * For tests that drive lib/ directly: a database of the test file's own —
 * a fresh Postgres database when DATABASE_URL is set, in-memory PGlite
 * otherwise — migrated, with a function to drop it. Call before importing
 * anything that reads the environment.
 */
export async function useOwnDatabase(prefix: string): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL;
  let drop = async () => {};
  if (base) {
    const name = `${prefix}_${randomBytes(5).toString('hex')}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    drop = async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    process.env.PGLITE_DIR = 'memory://';
  }
  const { migrate } = await import('@/db/migrate');
  await migrate();
  return async () => {
    const { closeDb } = await import('@/db/client');
    await closeDb();
    await drop();
  };
}
