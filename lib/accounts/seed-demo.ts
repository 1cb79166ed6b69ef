import type { Db } from '@/db/client';
import { firstAccountId } from '@/db/queries/accounts';
import { findPublishableKey } from '@/db/queries/api-keys';
import { addMember, hasMembers } from '@/db/queries/account-members';
import { insertDashboardUser } from '@/db/queries/dashboard-users';
import { hashPassword } from '@/lib/auth/password-hash';
import { newDashboardUserIds, randomBase62 } from '@/lib/util/ids';
import { ApiError } from '@/lib/api/errors';
import { env } from '@/lib/env';
import { createAccount } from './create-account';
import { createDemoSession } from './demo-session';

/**
 * Creates "Demo Shop" when the database has no account, and a fresh demo
 * checkout session on every start, and the demo merchant's dashboard owner
 * while it has none. Returns the lines to print.
 */
export async function seedDemo(db: Db): Promise<string[]> {
  const { DEMO_SECRET_KEY, APP_URL } = env();
  const existingId = await firstAccountId(db);
  const lines = ['', 'Caisse is starting.'];
  let accountId: string;
  if (existingId) {
    accountId = existingId;
    const publishableKey = await findPublishableKey(db, { accountId });
    lines.push(`  Merchant:        ${accountId}`);
    lines.push(
      `  Secret key:      ${DEMO_SECRET_KEY ?? '(shown once, when the account was created; set DEMO_SECRET_KEY on a fresh database to choose it)'}`,
    );
    if (publishableKey) lines.push(`  Publishable key: ${publishableKey}`);
  } else {
    const created = await createAccount(db, { name: 'Demo Shop', secretKey: DEMO_SECRET_KEY });
    accountId = created.id;
    lines.push(`  Created the demo merchant "Demo Shop" (${created.id}).`);
    lines.push(`  Secret key:      ${created.secret_key}`);
    lines.push(`  Publishable key: ${created.publishable_key}`);
  }
  lines.push(...(await seedDemoOwner(db, accountId)));
  // Refused once the merchant limits redirect domains (the demo's are example.com): start anyway.
  const session = await createDemoSession(db, accountId).catch((err: unknown) => {
    if (err instanceof ApiError) return { url: `(not created: ${err.message})` };
    throw err;
  });
  lines.push(`  Demo checkout:   ${session.url}`);
  lines.push(`  API:             ${APP_URL}/v1`);
  lines.push('');
  return lines;
}

const DEMO_OWNER_EMAIL = 'owner@demo.caisse.test';

/** The demo merchant's dashboard owner, made once; their password is printed that once and stored only hashed. */
async function seedDemoOwner(db: Db, accountId: string): Promise<string[]> {
  const { APP_URL } = env();
  if (await hasMembers(db, accountId))
    return [`  Dashboard:       ${APP_URL}/dashboard (owner ${DEMO_OWNER_EMAIL}; password shown at the first start)`];
  const password = randomBase62(16);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const userId = await insertDashboardUser(tx, { email: DEMO_OWNER_EMAIL, name: 'Demo Shop', passwordHash }, newDashboardUserIds());
    await addMember(tx, { userId, accountId });
  });
  return [
    `  Dashboard:       ${APP_URL}/dashboard`,
    `    sign in as ${DEMO_OWNER_EMAIL} with the one-time password ${password} (shown once; change it under your email)`,
  ];
}
