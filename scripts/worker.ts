// npm run worker [-- job…]: background jobs in a process of their own, against a shared Postgres — every job
// (lib/jobs/registry.ts) unless some are named (`npm run webhooks:worker` is `worker webhooks`). Set the same jobs
// `off` on the servers to leave them to such processes; any number may run against one database. On SIGINT/SIGTERM
// it finishes the work in flight, releases the leases it still holds, and exits.
import { closeDb, getDb } from '../db/client';
import { migrate } from '../db/migrate';
import { env } from '../lib/env';
import { exitOnSignals } from '../lib/jobs/on-signals';
import { startProcessRunner, stopProcessRunner } from '../lib/jobs/process-runner';
import { JOBS, jobsFor, type JobName } from '../lib/jobs/registry';
import { log } from '../lib/log';

const NAMES: readonly string[] = JOBS.map((j) => j.name);

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !NAMES.includes(name));
  if (unknown.length) {
    log().fatal(`unknown job ${unknown.join(', ')}: the jobs are ${NAMES.join(', ')}`);
    process.exit(2);
  }
  // PGlite is one process's database: a second process on its directory would corrupt it.
  if (!env().DATABASE_URL) {
    log().fatal('the worker needs DATABASE_URL (a shared Postgres); with the embedded database the server runs every job itself.');
    process.exit(2);
  }
  exitOnSignals(async () => {
    await stopProcessRunner();
    await closeDb();
  });
  await migrate();
  const only = (asked.length ? asked : NAMES) as JobName[];
  await startProcessRunner(async () => jobsFor(await getDb(), env(), only));
  log().info({ jobs: only }, 'worker started');
}

main().catch((err: unknown) => {
  log().fatal({ err }, 'the worker could not start');
  process.exit(1);
});
