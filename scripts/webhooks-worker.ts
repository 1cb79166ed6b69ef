// npm run webhooks:worker: delivers webhooks in a process of its own (set WEBHOOK_WORKER=off on the servers
// to leave it all to such processes; any number may run against one database). Stops cleanly on SIGINT/SIGTERM.
import { closeDb } from '../db/client';
import { migrate } from '../db/migrate';
import { env } from '../lib/env';
import { startWebhookWorker, stop } from '../lib/webhooks/worker';

async function main() {
  // PGlite is one process's database: a second process on its directory would corrupt it.
  if (!env().DATABASE_URL) {
    console.error(
      'webhooks:worker needs DATABASE_URL (a shared Postgres); with the embedded database the server delivers webhooks itself.',
    );
    process.exit(2);
  }
  await migrate();
  await startWebhookWorker();
  console.log('webhooks: worker started');
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        resolve();
      });
  });
  console.log('webhooks: stopping after the deliveries in flight');
  await stop();
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
