import type { Queryable } from '@/db/client';
import { getAccountAllowlists, setAccountAllowlists, type AccountAllowlists } from '@/db/queries/account-allowlists';
import type { AccountScope } from '@/db/scope';

/** The account's allowed redirect domains (checked when a session is created) and embed origins (the proxy's frame-ancestors). */
export function accountAllowlists(db: Queryable, scope: AccountScope): Promise<AccountAllowlists> {
  return getAccountAllowlists(db, scope);
}

/** Replaces the allowed redirect domains (already normalized by lib/validation/domains). Empty allows any host. */
export function saveRedirectDomains(db: Queryable, scope: AccountScope & { domains: string[] }): Promise<void> {
  return setAccountAllowlists(db, { accountId: scope.accountId, allowedRedirectDomains: scope.domains });
}

/** Replaces the origins that may frame embedded checkouts. Empty allows any origin. */
export function saveEmbedOrigins(db: Queryable, scope: AccountScope & { origins: string[] }): Promise<void> {
  return setAccountAllowlists(db, { accountId: scope.accountId, allowedEmbedOrigins: scope.origins });
}
