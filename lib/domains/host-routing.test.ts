import { describe, expect, it } from 'vitest';
import { checkoutOrigin } from './checkout-origin';
import { servedOnCustomDomain } from './host-routing';

describe('custom domain routing', () => {
  it('a custom domain serves the checkout pages and what they load, nothing else', () => {
    for (const path of ['/c/cs_test_abc', '/c/cs_test_abc/recover', '/_next/static/chunks/x.js', '/files/img_1', '/embed.js'])
      expect(servedOnCustomDomain(path), path).toBe(true);
    for (const path of [
      '/',
      '/dashboard',
      '/dashboard/sign-in',
      '/v1/checkout/sessions',
      '/operator/accounts',
      '/domains/check',
      '/healthz',
      '/readyz',
      '/c',
      '/cx/1',
      '/embed.json',
    ])
      expect(servedOnCustomDomain(path), path).toBe(false);
  });

  it("checkout links take APP_URL's scheme, the domain, and a port only when one is configured", () => {
    expect(checkoutOrigin('https://caisse.example.org', null)).toBe('https://caisse.example.org');
    expect(checkoutOrigin('https://caisse.example.org', 'pay.shop.test')).toBe('https://pay.shop.test');
    expect(checkoutOrigin('http://127.0.0.1:3000', 'pay.shop.test')).toBe('http://pay.shop.test');
    expect(checkoutOrigin('http://127.0.0.1:3000', 'pay.shop.test', 8443)).toBe('http://pay.shop.test:8443');
  });
});
