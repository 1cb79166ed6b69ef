import 'server-only';
import { getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seedDemo } from '@/lib/accounts/seed-demo';
import { env } from '@/lib/env';
import { resealWebhookSecrets } from '@/lib/events/reseal-webhook-secrets';
import { seedFxSnapshot } from '@/lib/fx/snapshot';
import { startProcessRunner } from '@/lib/jobs/process-runner';
import { jobsFor } from '@/lib/jobs/registry';
import '@/lib/security/sealed-columns';
import { loadSecretKeys } from '@/lib/security/secret-keys';

/** Start-up of a server process: schema first, then exchange rates and the demo merchant on an empty database, then background work. */
export async function boot(): Promise<void> {
  env();
  // The keys first: a missing or malformed key stops the start, not a payment later.
  loadSecretKeys();
  await migrate();
  await resealWebhookSecrets(await getDb());
  // The shipped exchange rates on a fresh database (one count query once there are rates).
  await seedFxSnapshot(await getDb());
  const demo = await seedDemo(await getDb());
  for (const line of demo) console.log(line);
  // The jobs the environment leaves on (lib/jobs/registry.ts); scripts/serve.ts stops them on SIGTERM/SIGINT.
  await startProcessRunner(async () => jobsFor(await getDb(), env()));
}
