import { describe, expect, it } from 'vitest';
import { parseIPv4, parseIPv6, pinnedLookup, refusalReason, resolveDestination, SsrfRefusal, type Resolved } from './ssrf';

// What dns.lookup can hand back for a merchant's hostname (or an IP literal in the URL).
const refused = [
  '127.0.0.1',
  '127.255.255.254',
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '169.254.0.1',
  '100.64.0.1',
  '100.127.255.255',
  '0.0.0.0',
  '0.1.2.3',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  '192.0.0.8',
  '192.0.2.1',
  '198.18.0.1',
  '198.51.100.7',
  '203.0.113.9',
  '::1',
  '::',
  '0:0:0:0:0:0:0:1',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'fe80::1%eth0',
  'FE80::ABCD',
  'febf::1',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '0:0:0:0:0:ffff:7f00:0001',
  '::ffff:10.1.2.3',
  '::ffff:169.254.169.254',
  '::ffff:a9fe:a9fe',
  '64:ff9b::10.0.0.1',
  '64:ff9b::a00:1',
  '64:ff9b::127.0.0.1',
  '::127.0.0.1',
  '::a00:1',
  '2002:7f00:1::1',
  '2002:c0a8:101::',
  '2001:db8::1',
  '2001::1',
  '100::1',
  '[::1]',
];
const allowed = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '169.253.1.1',
  '2606:4700:4700::1111',
  '2a00:1450:4007:80f::200e',
  '::ffff:8.8.8.8',
  '64:ff9b::8.8.8.8',
  '2002:808:808::1',
];
// Odd spellings are never connected to as such: inet_aton-style forms are refused
// outright rather than guessed at (dns.lookup already returns canonical text).
const unparseable = [
  '2130706433',
  '0x7f000001',
  '0177.0.0.1',
  '127.1',
  '127.0.0.1.',
  '010.0.0.1',
  '256.1.1.1',
  '1::2::3',
  ':::',
  '12345::',
  'localhost',
  '',
];

describe('which addresses a webhook may be sent to', () => {
  it.each(refused)('%s → refused', (address) => {
    expect(refusalReason(address)).not.toBeNull();
  });

  it.each(allowed)('%s → allowed', (address) => {
    expect(refusalReason(address)).toBeNull();
  });

  it.each(unparseable)('%j (not a canonical address) → refused', (address) => {
    expect(refusalReason(address)).toBe('not an IP address');
  });
});

describe('address parsing', () => {
  it('IPv6 shorthand, embedded IPv4 and full forms → the same 128-bit value', () => {
    expect(parseIPv6('::ffff:127.0.0.1')).toBe(parseIPv6('0:0:0:0:0:ffff:7f00:1'));
    expect(parseIPv6('64:ff9b::a00:1')).toBe(parseIPv6('64:ff9b:0:0:0:0:10.0.0.1'));
    expect(parseIPv6('::1')).toBe(1n);
    expect(parseIPv6('1::')).toBe(1n << 112n);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
    expect(parseIPv6('1:2:3:4:5:6:7')).toBeNull();
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIPv6('1:2:3:4:5:6:7::8')).toBeNull();
    expect(parseIPv6('::ffff:1.2.3')).toBeNull();
  });

  it('dotted quads → their value; anything else → null', () => {
    expect(parseIPv4('192.168.1.1')).toBe(0xc0a80101n);
    expect(parseIPv4('1.2.3.4.5')).toBeNull();
    expect(parseIPv4('01.2.3.4')).toBeNull();
  });
});

describe('resolving a webhook host', () => {
  const answers =
    (...addresses: string[]) =>
    (): Promise<Resolved[]> =>
      Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

  it('a name with only public addresses → the first one, which the connection is pinned to', async () => {
    const dest = await resolveDestination('hooks.example', {
      allowPrivateNetworks: false,
      resolve: answers('93.184.216.34', '2606:2800:220:1::1'),
    });
    expect(dest).toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('a name with one private answer among public ones → refused, naming the address', async () => {
    const p = resolveDestination('rebind.example', { allowPrivateNetworks: false, resolve: answers('93.184.216.34', '10.0.0.5') });
    await expect(p).rejects.toBeInstanceOf(SsrfRefusal);
    await expect(p).rejects.toThrow('rebind.example resolves to 10.0.0.5');
  });

  it('localhost through the real resolver → refused; with WEBHOOK_ALLOW_PRIVATE_NETWORKS → allowed', async () => {
    await expect(resolveDestination('localhost', { allowPrivateNetworks: false })).rejects.toBeInstanceOf(SsrfRefusal);
    await expect(resolveDestination('127.0.0.1', { allowPrivateNetworks: false })).rejects.toBeInstanceOf(SsrfRefusal);
    await expect(resolveDestination('[::1]', { allowPrivateNetworks: false })).rejects.toBeInstanceOf(SsrfRefusal);
    expect((await resolveDestination('127.0.0.1', { allowPrivateNetworks: true })).address).toBe('127.0.0.1');
  });

  it('the pinned lookup answers every query with the checked address, in both callback shapes', () => {
    const lookup = pinnedLookup({ address: '93.184.216.34', family: 4 });
    const one: unknown[] = [];
    const all: unknown[] = [];
    lookup('attacker.example', { all: false }, (...args: unknown[]) => one.push(...args));
    lookup('attacker.example', { all: true }, (...args: unknown[]) => all.push(...args));
    expect(one).toEqual([null, '93.184.216.34', 4]);
    expect(all).toEqual([null, [{ address: '93.184.216.34', family: 4 }]]);
  });
});
