// npm run accounts:create -- --name "Shop": creates a merchant account and prints its keys as JSON.
import { parseArgs } from 'node:util';
import { closeDb, getDb } from '../db/client';
import { migrate } from '../db/migrate';
import { createAccount } from '../lib/accounts/create-account';

async function main() {
  const { values } = parseArgs({ options: { name: { type: 'string' } } });
  const name = values.name?.trim();
  if (!name) {
    console.error('Usage: npm run accounts:create -- --name "Shop name"');
    process.exit(2);
  }
  await migrate();
  const account = await createAccount(await getDb(), { name });
  console.log(JSON.stringify({ id: account.id, secret_key: account.secret_key, publishable_key: account.publishable_key }));
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
