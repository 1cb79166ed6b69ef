import type { Queryable } from '@/db/client';
import { sessionHostSettings } from '@/db/queries/custom-domains';
import { env } from '@/lib/env';

/**
 * The origin of an account's checkout links: its verified custom domain with APP_URL's scheme
 * (and CUSTOM_DOMAIN_PORT when the proxy in front listens on an unusual port), else APP_URL.
 */
export function checkoutOrigin(appUrl: string, domain: string | null, port?: number): string {
  if (!domain) return appUrl;
  const scheme = new URL(appUrl).protocol;
  return `${scheme}//${domain}${port ? `:${port}` : ''}`;
}

/** The same on this server's APP_URL and CUSTOM_DOMAIN_PORT, for the account's checkout domain (null for none). */
export function checkoutOriginOf(domain: string | null): string {
  const e = env();
  return checkoutOrigin(e.APP_URL, domain, e.CUSTOM_DOMAIN_PORT);
}

/** The same, read for one account (one query). */
export async function checkoutOriginFor(db: Queryable, accountId: string): Promise<string> {
  return checkoutOriginOf((await sessionHostSettings(db, accountId)).checkoutDomain);
}
