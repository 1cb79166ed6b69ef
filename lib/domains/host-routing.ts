import { env } from '@/lib/env';
import { hostnameProblem, hostOf } from './hostname';

/**
 * Which Host headers are merchants' custom domains, for the proxy. A verified custom domain
 * serves the checkout page and what it loads, nothing else; every other host (APP_URL's, or
 * any other name a self-hoster points at Caisse) is the main site.
 */

// Host lookups are cached per process for this long: a domain verified or removed in another
// process takes effect here within it.
const TTL_MS = 30_000;
// Any client can send any Host header: bound the cache rather than let it grow.
const MAX_ENTRIES = 5_000;

type Entry = { accountId: string | null; until: number };
const slot = globalThis as unknown as { __caisseHostCache?: Map<string, Entry> };
const cache = (slot.__caisseHostCache ??= new Map<string, Entry>());

let appHost: string | undefined;

/** The account whose verified custom domain this Host header names, or null for the main site. */
export async function customDomainAccount(hostHeader: string | null): Promise<string | null> {
  const host = hostOf(hostHeader);
  appHost ??= new URL(env().APP_URL).hostname.toLowerCase();
  // IP addresses and single-label names (localhost) cannot be custom domains: no lookup.
  if (!host || host === appHost || hostnameProblem(host)) return null;
  const now = Date.now();
  const hit = cache.get(host);
  if (hit && hit.until > now) return hit.accountId;
  // Loaded lazily: most requests (the main host) never need the database here.
  const [{ getDb }, { verifiedDomainAccount }] = await Promise.all([import('@/db/client'), import('@/db/queries/custom-domains')]);
  const accountId = await verifiedDomainAccount(await getDb(), host);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(host, { accountId, until: now + TTL_MS });
  return accountId;
}

/** Drops a host from this process's cache, after it was verified or removed here. */
export function forgetHost(hostname: string): void {
  cache.delete(hostname);
}

/** What a custom domain serves: the checkout pages, their assets and uploaded images, the embed script. */
export function servedOnCustomDomain(pathname: string): boolean {
  return pathname.startsWith('/c/') || pathname.startsWith('/_next/') || pathname.startsWith('/files/') || pathname === '/embed.js';
}
