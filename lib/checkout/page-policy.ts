import type { Queryable } from '@/db/client';
import { findCheckoutPageFacts } from '@/db/queries/checkout-page-policy';
import { isEmbedded } from './ui-mode';

export type CheckoutPagePolicy = {
  /** The session's account (null for no such session): a custom domain serves only its own account's sessions. */
  accountId: string | null;
  /** Who may frame the page: nobody for hosted sessions, the account's allowed origins for embedded ones. */
  frameAncestors: string[] | 'none' | 'any';
};

/** What the proxy needs to know about a checkout page before it is rendered, in one read. */
export async function checkoutPagePolicy(db: Queryable, sessionId: string): Promise<CheckoutPagePolicy> {
  const row = await findCheckoutPageFacts(db, sessionId);
  if (!row) return { accountId: null, frameAncestors: 'none' };
  if (!isEmbedded(row.uiMode)) return { accountId: row.accountId, frameAncestors: 'none' };
  return { accountId: row.accountId, frameAncestors: row.allowedEmbedOrigins.length ? row.allowedEmbedOrigins : 'any' };
}
