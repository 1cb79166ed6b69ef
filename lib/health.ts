import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDb } from '@/db/client';
import { latestAppliedMigration, pingDatabase } from '@/db/queries/health';

/** A probe that does not answer within two seconds counts as down. */
function within<T>(work: Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      setTimeout(() => {
        reject(new Error('timeout'));
      }, ms);
    }),
  ]);
}

/** Liveness (`/healthz`): the database answers. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await within(pingDatabase(await getDb()));
    return true;
  } catch {
    return false;
  }
}

/** The newest migration this build ships (db/migrations/meta/_journal.json), read once. */
let shipped: number | undefined;
function newestShippedMigration(): number {
  shipped ??= Math.max(
    ...(
      JSON.parse(readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
        entries: { when: number }[];
      }
    ).entries.map((e) => e.when),
  );
  return shipped;
}

/**
 * Readiness (`/readyz`): the database answers and has every migration this build ships, so a process started
 * beside an older schema (another replica still migrating) takes no traffic until it is there.
 */
export async function databaseReady(): Promise<{ database: boolean; migrations: boolean }> {
  try {
    const applied = await within(latestAppliedMigration(await getDb()));
    return { database: true, migrations: applied !== null && applied >= newestShippedMigration() };
  } catch {
    return { database: await databaseAnswers(), migrations: false };
  }
}
