import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { accounts } from '../schema';

export type AccountAllowlists = { allowedRedirectDomains: string[]; allowedEmbedOrigins: string[] };

export async function getAccountAllowlists(db: Queryable, p: { accountId: string }): Promise<AccountAllowlists> {
  const rows = await db
    .select({ allowedRedirectDomains: accounts.allowedRedirectDomains, allowedEmbedOrigins: accounts.allowedEmbedOrigins })
    .from(accounts)
    .where(eq(accounts.id, p.accountId))
    .limit(1);
  return rows[0] ?? { allowedRedirectDomains: [], allowedEmbedOrigins: [] };
}

export async function setAccountAllowlists(db: Queryable, p: { accountId: string } & Partial<AccountAllowlists>): Promise<void> {
  const { accountId, ...set } = p;
  if (Object.keys(set).length === 0) return;
  await db.update(accounts).set(set).where(eq(accounts.id, accountId));
}
