import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { accounts, checkoutSessions } from '../schema';

export type CheckoutPageFacts = { accountId: string; uiMode: string; allowedEmbedOrigins: string[] };

/** What the proxy needs to know about a checkout page before it is rendered, in one read: null for no such session. */
export async function findCheckoutPageFacts(db: Queryable, sessionId: string): Promise<CheckoutPageFacts | null> {
  const rows = await db
    .select({ accountId: checkoutSessions.accountId, uiMode: checkoutSessions.uiMode, allowedEmbedOrigins: accounts.allowedEmbedOrigins })
    .from(checkoutSessions)
    .innerJoin(accounts, eq(accounts.id, checkoutSessions.accountId))
    .where(eq(checkoutSessions.id, sessionId))
    .limit(1);
  return rows.at(0) ?? null;
}
