import { eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { accounts, checkoutSessions } from '../schema';
import { isEmbedded } from '@/lib/checkout/ui-mode';

export type CheckoutPagePolicy = {
  /** The session's account (null for no such session): a custom domain serves only its own account's sessions. */
  accountId: string | null;
  /** Who may frame the page: nobody for hosted sessions, the account's allowed origins for embedded ones. */
  frameAncestors: string[] | 'none' | 'any';
};

/** What the proxy needs to know about a checkout page before it is rendered, in one read. */
export async function checkoutPagePolicy(db: Queryable, sessionId: string): Promise<CheckoutPagePolicy> {
  const [row] = await db
    .select({ accountId: checkoutSessions.accountId, uiMode: checkoutSessions.uiMode, origins: accounts.allowedEmbedOrigins })
    .from(checkoutSessions)
    .innerJoin(accounts, eq(accounts.id, checkoutSessions.accountId))
    .where(eq(checkoutSessions.id, sessionId))
    .limit(1);
  if (!row) return { accountId: null, frameAncestors: 'none' };
  if (!isEmbedded(row.uiMode)) return { accountId: row.accountId, frameAncestors: 'none' };
  return { accountId: row.accountId, frameAncestors: row.origins.length ? row.origins : 'any' };
}
