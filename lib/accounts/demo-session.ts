import type { Db } from '@/db/client';
import { env } from '@/lib/env';

/** A checkout session for the demo merchant, so a first start has a page to open. */
export async function createDemoSession(_db: Db, _accountId: string): Promise<{ url: string }> {
  return { url: `${env().APP_URL}/c/(the hosted page arrives with the checkout sessions API)` };
}
