import { describe, expect, it } from 'vitest';
import { firstDisallowedRedirect, normalizeRedirectDomain, redirectHostAllowed } from './redirect-allowlist';

describe('allowed redirect domains', () => {
  it('normalizes hosts and wildcards, refuses the rest', () => {
    expect(normalizeRedirectDomain(' Shop.Example.com ')).toBe('shop.example.com');
    expect(normalizeRedirectDomain('*.example.com')).toBe('*.example.com');
    expect(normalizeRedirectDomain('localhost')).toBe('localhost');
    expect(normalizeRedirectDomain('*.com')).toBeNull();
    expect(normalizeRedirectDomain('https://shop.example.com')).toBeNull();
    expect(normalizeRedirectDomain('shop.example.com/path')).toBeNull();
    expect(normalizeRedirectDomain('shop.*.com')).toBeNull();
    expect(normalizeRedirectDomain('')).toBeNull();
  });

  it('an empty list allows any host', () => {
    expect(redirectHostAllowed('anything.test', [])).toBe(true);
  });

  it('a host entry matches that host only', () => {
    expect(redirectHostAllowed('shop.example.com', ['shop.example.com'])).toBe(true);
    expect(redirectHostAllowed('SHOP.example.com', ['shop.example.com'])).toBe(true);
    expect(redirectHostAllowed('evil.shop.example.com', ['shop.example.com'])).toBe(false);
    expect(redirectHostAllowed('shop.example.com.evil.test', ['shop.example.com'])).toBe(false);
  });

  it('a wildcard matches subdomains at any depth but not the bare domain or look-alikes', () => {
    const list = ['*.example.com'];
    expect(redirectHostAllowed('shop.example.com', list)).toBe(true);
    expect(redirectHostAllowed('a.b.example.com', list)).toBe(true);
    expect(redirectHostAllowed('example.com', list)).toBe(false);
    expect(redirectHostAllowed('badexample.com', list)).toBe(false);
    expect(redirectHostAllowed('example.com.evil.test', list)).toBe(false);
  });

  it('names the first redirect parameter outside the list', () => {
    const list = ['shop.example.com'];
    expect(
      firstDisallowedRedirect(
        { success_url: 'https://shop.example.com/ok?s={CHECKOUT_SESSION_ID}', cancel_url: 'https://evil.test/' },
        list,
      ),
    ).toEqual({ param: 'cancel_url', host: 'evil.test' });
    expect(firstDisallowedRedirect({ return_url: 'https://shop.example.com:8443/r' }, list)).toBeNull();
    expect(firstDisallowedRedirect({ success_url: 'https://evil.test/' }, [])).toBeNull();
    expect(firstDisallowedRedirect({ success_url: 'not a url' }, list)).toEqual({ param: 'success_url', host: '' });
  });
});
