import 'server-only';
import { getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seedDemo } from '@/lib/accounts/seed-demo';
import { env } from '@/lib/env';
import { startAsyncPaymentSweep } from '@/lib/checkout/async-payment-sweep';
import { startExpirySweep } from '@/lib/checkout/expiry-sweep';
import { startWebhookWorker } from '@/lib/webhooks/worker';
import { startEmailWorker } from '@/lib/receipts/send-emails';
import { resealWebhookSecrets } from '@/lib/events/reseal-webhook-secrets';
import { loadSecretKeys } from '@/lib/security/secret-keys';
import '@/lib/security/sealed-columns';

/** Start-up of a server process: schema first, then the demo merchant on an empty database, then background work. */
export async function boot(): Promise<void> {
  env();
  // The keys first: a missing or malformed key stops the start, not a payment later.
  loadSecretKeys();
  await migrate();
  await resealWebhookSecrets(await getDb());
  const demo = await seedDemo(await getDb());
  for (const line of demo) console.log(line);
  // Off when a separate `npm run webhooks:worker` process does the delivering.
  if (env().WEBHOOK_WORKER === 'on') await startWebhookWorker();
  if (env().EXPIRY_SWEEP === 'on') startExpirySweep(getDb);
  if (env().ASYNC_PAYMENT_SWEEP === 'on') startAsyncPaymentSweep(getDb);
  if (env().EMAIL_WORKER === 'on') await startEmailWorker();
}
