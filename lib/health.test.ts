import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/e2e/support/own-database';

// Liveness and readiness on this run's database (PGlite, or Postgres when DATABASE_URL is set: the two drivers
// answer raw queries differently).

let drop: () => Promise<void> = async () => {};
beforeAll(async () => {
  drop = await useOwnDatabase('caisse_health');
});
afterAll(() => drop());

describe('readiness', () => {
  it('is ready once every shipped migration is applied, and not while the newest is missing', async () => {
    const { databaseAnswers, databaseReady } = await import('./health');
    const { getDb } = await import('@/db/client');
    expect(await databaseAnswers()).toBe(true);
    expect(await databaseReady()).toEqual({ database: true, migrations: true });

    // As a process of a newer build sees a database another one has not finished migrating.
    const db = await getDb();
    await db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    expect(await databaseReady()).toEqual({ database: true, migrations: false });
  });
});
