import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';

/**
 * Webhook URLs are chosen by merchants, so a delivery must never become a
 * request into our own network (metadata service, database, admin ports).
 * The check runs on the addresses the name actually resolves to, and the
 * connection then goes to exactly the address that was checked (see
 * `pinnedLookup`), so a DNS answer that changes between check and connect
 * (rebinding) cannot slip through.
 */

type Cidr = { bits: bigint; prefix: number; width: 32 | 128 };

function cidr(text: string): Cidr {
  const [addr, len] = text.split('/');
  const v4 = parseIPv4(addr);
  if (v4 !== null) return { bits: v4, prefix: Number(len), width: 32 };
  const v6 = parseIPv6(addr);
  if (v6 === null) throw new Error(`bad CIDR ${text}`);
  return { bits: v6, prefix: Number(len), width: 128 };
}

function inCidr(value: bigint, width: 32 | 128, c: Cidr): boolean {
  if (width !== c.width) return false;
  const shift = BigInt(width - c.prefix);
  return value >> shift === c.bits >> shift;
}

// The IANA special-purpose IPv4 ranges: none of them is a public host a
// merchant's webhook could legitimately live on.
const BLOCKED_V4 = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, incl. cloud metadata 169.254.169.254
  '172.16.0.0/12',
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16',
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, incl. broadcast
].map(cidr);

// Only global unicast (2000::/3) can be public; inside it, these are not.
const GLOBAL_V6 = cidr('2000::/3');
const BLOCKED_V6 = [
  '2001::/23', // IETF protocol assignments, incl. Teredo (2001::/32) which tunnels to arbitrary IPv4
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation
].map(cidr);
// Forms that carry an IPv4 address inside: judged by that address.
const MAPPED_V6 = cidr('::ffff:0:0/96');
const NAT64_V6 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');

/** Dotted-quad IPv4 as a number; anything else (octal, hex, short forms) is not an address here. */
export function parseIPv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let out = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return null;
    out = (out << 8n) | BigInt(p);
  }
  return out;
}

/** IPv6 text (with `::`, an embedded dotted quad, a zone id or brackets) as a 128-bit number. */
export function parseIPv6(text: string): bigint | null {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':')) return null;
  let tail: bigint[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [v4 >> 16n, v4 & 0xffffn];
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const explicit = head.length + rest.length + tail.length;
  // `::` stands for at least one zero group; without it all eight are spelled out.
  if (halves.length === 2 ? explicit > 7 : explicit !== 8) return null;
  const zeros = Array<bigint>(8 - explicit).fill(0n);
  const all = [...head.map((g) => BigInt(`0x${g}`)), ...zeros, ...rest.map((g) => BigInt(`0x${g}`)), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function v4Allowed(v: bigint): boolean {
  return !BLOCKED_V4.some((c) => inCidr(v, 32, c));
}

/** Why an address is not a public destination, or null when it is one. Unparseable text is refused. */
export function refusalReason(address: string): string | null {
  const v4 = parseIPv4(address);
  if (v4 !== null) return v4Allowed(v4) ? null : 'a private, loopback, link-local or reserved IPv4 address';
  const v6 = parseIPv6(address);
  if (v6 === null) return 'not an IP address';
  if (inCidr(v6, 128, MAPPED_V6) || inCidr(v6, 128, NAT64_V6)) {
    return v4Allowed(v6 & 0xffffffffn) ? null : 'an IPv6 form of a private or reserved IPv4 address';
  }
  if (inCidr(v6, 128, SIX_TO_FOUR)) {
    return v4Allowed((v6 >> 80n) & 0xffffffffn) ? null : 'a 6to4 address of a private or reserved IPv4 address';
  }
  if (!inCidr(v6, 128, GLOBAL_V6) || BLOCKED_V6.some((c) => inCidr(v6, 128, c))) {
    return 'a loopback, unique-local, link-local, multicast or reserved IPv6 address';
  }
  return null;
}

export class SsrfRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SsrfRefusal';
  }
}

export type Resolved = { address: string; family: 4 | 6 };

export type Resolver = (host: string) => Promise<Resolved[]>;

const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * Resolves a webhook host and returns the address to connect to. Every
 * address the name has must be public: a name that mixes public and private
 * answers is refused rather than trusted to pick the public one.
 */
export async function resolveDestination(hostname: string, opts: { allowPrivateNetworks: boolean; resolve?: Resolver }): Promise<Resolved> {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const addresses = await (opts.resolve ?? systemResolver)(host);
  if (addresses.length === 0) throw new Error(`${host} did not resolve`);
  if (!opts.allowPrivateNetworks) {
    for (const a of addresses) {
      const reason = refusalReason(a.address);
      if (reason) throw new SsrfRefusal(`refused: ${host} resolves to ${a.address}, ${reason}`);
    }
  }
  return addresses[0];
}

/** A `lookup` for node:http that answers every query with the one address already checked. */
export function pinnedLookup(dest: Resolved): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: Resolved[]) => void)(null, [dest]);
    else (callback as (e: null, a: string, f: number) => void)(null, dest.address, dest.family);
  };
}
