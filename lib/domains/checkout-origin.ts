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

/** The same, read for one account (one query). */
export async function checkoutOriginFor(db: Queryable, accountId: string): Promise<string> {
  const { checkoutDomain } = await sessionHostSettings(db, accountId);
  const e = env();
  return checkoutOrigin(e.APP_URL, checkoutDomain, e.CUSTOM_DOMAIN_PORT);
}
