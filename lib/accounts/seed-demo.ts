import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, apiKeys } from '@/db/schema';
import { env } from '@/lib/env';
import { createAccount } from './create-account';
import { createDemoSession } from './demo-session';

/**
 * Creates "Demo Shop" when the database has no account, and a fresh demo
 * checkout session on every start. Returns the lines to print.
 */
export async function seedDemo(db: Db): Promise<string[]> {
  const { DEMO_SECRET_KEY, APP_URL } = env();
  const existing = await db.select({ id: accounts.id }).from(accounts).orderBy(asc(accounts.createdAt)).limit(1);
  const lines = ['', 'Caisse is starting.'];
  let accountId: string;
  if (existing[0]) {
    accountId = existing[0].id;
    const [pk] = await db.select({ token: apiKeys.publishableToken }).from(apiKeys).where(eq(apiKeys.accountId, accountId)).limit(2);
    lines.push(`  Merchant:        ${accountId}`);
    lines.push(`  Secret key:      ${DEMO_SECRET_KEY ?? '(shown once, when the account was created; set DEMO_SECRET_KEY on a fresh database to choose it)'}`);
    if (pk?.token) lines.push(`  Publishable key: ${pk.token}`);
  } else {
    const created = await createAccount(db, { name: 'Demo Shop', secretKey: DEMO_SECRET_KEY });
    accountId = created.id;
    lines.push(`  Created the demo merchant "Demo Shop" (${created.id}).`);
    lines.push(`  Secret key:      ${created.secret_key}`);
    lines.push(`  Publishable key: ${created.publishable_key}`);
  }
  const session = await createDemoSession(db, accountId);
  lines.push(`  Demo checkout:   ${session.url}`);
  lines.push(`  API:             ${APP_URL}/v1`);
  lines.push('');
  return lines;
}
