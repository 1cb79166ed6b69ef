import { Resolver } from 'node:dns/promises';
import { env } from '@/lib/env';

/** Looks up a name's TXT records: each record as its chunks (node:dns's shape). Injected in tests. */
export type ResolveTxt = (name: string) => Promise<string[][]>;

let resolver: Resolver | undefined;

/** The server's resolver: the system's DNS, or DNS_SERVERS when set (a local resolver, or a test's DNS server). */
export const systemResolveTxt: ResolveTxt = (name) => {
  if (!resolver) {
    // A merchant waits on the answer: fail in seconds rather than c-ares' default of about a minute.
    resolver = new Resolver({ timeout: 2500, tries: 2 });
    const servers = env().DNS_SERVERS;
    if (servers.length) resolver.setServers(servers);
  }
  return resolver.resolveTxt(name);
};

/** DNS answers that mean "no such record" rather than "could not ask". */
export function isNoRecord(err: unknown): boolean {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return code === 'ENODATA' || code === 'ENOTFOUND' || code === 'NOTFOUND' || code === 'NODATA';
}
