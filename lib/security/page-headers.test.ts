import { describe, expect, it } from 'vitest';
import { pageSecurityHeaders } from './page-headers';

describe('checkout page security headers', () => {
  it('a hosted page: nonce CSP, no framing, no sniffing, no indexing', () => {
    const h = pageSecurityHeaders({ nonce: 'abc123', frameAncestors: 'none', https: false });
    expect(h['content-security-policy']).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['content-security-policy']).toContain("base-uri 'none'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'x-robots-tag': 'noindex, nofollow' });
    expect(h['strict-transport-security']).toBeUndefined();
  });

  it('an embedded page may be framed by the allowed origins only; HSTS over https', () => {
    const h = pageSecurityHeaders({ nonce: 'n', frameAncestors: ['https://shop.example', 'https://www.shop.example'], https: true });
    expect(h['content-security-policy']).toContain('frame-ancestors https://shop.example https://www.shop.example');
    expect(h['x-frame-options']).toBeUndefined();
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('the dashboard: the same nonce CSP, framed by itself only', () => {
    const h = pageSecurityHeaders({ nonce: 'n0nce', frameAncestors: 'self', https: false });
    expect(h['content-security-policy']).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
  });
});
