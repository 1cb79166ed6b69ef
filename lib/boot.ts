import 'server-only';
import { getDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seedDemo } from '@/lib/accounts/seed-demo';
import { env } from '@/lib/env';

/** Start-up of a server process: schema first, then the demo merchant on an empty database. */
export async function boot(): Promise<void> {
  env();
  await migrate();
  const demo = await seedDemo(await getDb());
  if (demo) for (const line of demo) console.log(line);
}
