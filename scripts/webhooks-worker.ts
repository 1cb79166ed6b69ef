// npm run webhooks:worker: delivers webhooks in a process of its own (set WEBHOOK_WORKER=off on the servers
// to leave it all to such processes; any number may run against one database). On SIGINT/SIGTERM it finishes
// the deliveries in flight, releases the claims it still holds, and exits.
import { closeDb, getDb } from '../db/client';
import { migrate } from '../db/migrate';
import { env } from '../lib/env';
import { exitOnSignals } from '../lib/jobs/on-signals';
import { startProcessRunner, stopProcessRunner } from '../lib/jobs/process-runner';
import { jobsFor } from '../lib/jobs/registry';

async function main() {
  // PGlite is one process's database: a second process on its directory would corrupt it.
  if (!env().DATABASE_URL) {
    console.error(
      'webhooks:worker needs DATABASE_URL (a shared Postgres); with the embedded database the server delivers webhooks itself.',
    );
    process.exit(2);
  }
  exitOnSignals(async () => {
    await stopProcessRunner();
    await closeDb();
  });
  await migrate();
  await startProcessRunner(async () => jobsFor(await getDb(), env(), ['webhooks']));
  console.log('webhooks: worker started');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
