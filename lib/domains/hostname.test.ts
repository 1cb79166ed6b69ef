import { describe, expect, it } from 'vitest';
import { hostnameProblem, hostOf, normalizeHostname } from './hostname';

const judge = (input: string) => hostnameProblem(normalizeHostname(input));

describe('custom domain host names', () => {
  it('accepts DNS names of two labels or more, lower-cased', () => {
    expect(judge('pay.example.com')).toBeNull();
    expect(judge('  Pay.Example.COM ')).toBeNull();
    expect(normalizeHostname('  Pay.Example.COM ')).toBe('pay.example.com');
    expect(judge('checkout.xn--bcher-kva.example')).toBeNull();
    expect(judge('a-b.c1.io')).toBeNull();
  });

  it('refuses what is not a bare host name, saying why', () => {
    expect(judge('')).toBe('hostname_required');
    expect(judge('https://pay.example.com')).toBe('hostname_has_scheme');
    expect(judge('pay.example.com/c')).toBe('hostname_has_path');
    expect(judge('pay.example.com?x=1')).toBe('hostname_has_path');
    expect(judge('pay.example.com:8443')).toBe('hostname_has_port');
    expect(judge('pay.bücher.example')).toBe('hostname_not_ascii');
    expect(judge('localhost')).toBe('hostname_needs_dot');
    expect(judge('192.168.1.10')).toBe('hostname_ip');
    expect(judge('pay.example.123')).toBe('hostname_ip');
    expect(judge('-pay.example.com')).toBe('hostname_invalid');
    expect(judge('pay-.example.com')).toBe('hostname_invalid');
    expect(judge('pay..example.com')).toBe('hostname_invalid');
    expect(judge('pay_shop.example.com')).toBe('hostname_invalid');
    expect(judge('pay example.com')).toBe('hostname_invalid');
    expect(judge(`${'a'.repeat(64)}.example.com`)).toBe('hostname_invalid');
    expect(judge(`${'abcdefghi.'.repeat(26)}com`)).toBe('hostname_invalid');
  });

  it('reads the host of a Host header without its port', () => {
    expect(hostOf('Pay.Example.com:443')).toBe('pay.example.com');
    expect(hostOf('pay.example.com.')).toBe('pay.example.com');
    expect(hostOf('127.0.0.1:3000')).toBe('127.0.0.1');
    expect(hostOf('[::1]:3000')).toBe('[::1]');
    expect(hostOf(null)).toBe('');
  });
});
