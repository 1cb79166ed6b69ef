import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';

/**
 * Who a request comes from, decided once, by the HTTP server, from what the client cannot forge: the
 * socket's address — or, when the operator says a proxy sits in front (TRUSTED_PROXIES), the entry of
 * X-Forwarded-For that the nearest untrusted hop is. A client can put anything in the headers it sends;
 * only a trusted proxy's append counts.
 *
 * TRUSTED_PROXIES is either a hop count (`1`: one proxy in front, whatever its address) or a list of
 * addresses, CIDRs and proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`), comma-separated.
 */

/** The header the server sets on every request (after removing whatever the client sent under that name). */
export const CLIENT_ADDRESS_HEADER = 'x-caisse-client-address';

export type TrustProxy = (address: string, hop: number) => boolean;

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validEntry(entry: string): boolean {
  if (NAMES.has(entry)) return true;
  const [address, ...rest] = entry.split('/');
  const bits = rest.shift();
  if (rest.length || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/** Parses TRUSTED_PROXIES; unset or empty trusts no proxy. Throws with the offending entry. */
export function parseTrustedProxies(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (!text) return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.find((e) => !validEntry(e));
  if (bad) throw new Error(`TRUSTED_PROXIES: "${bad}" is not an IP address, a CIDR, loopback, linklocal, uniquelocal or a hop count`);
  return proxyaddr.compile(entries);
}

/** The client's address for this request (IPv4-mapped IPv6 addresses read as IPv4). */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const address = proxyaddr(req, trust);
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
