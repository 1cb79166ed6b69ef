import { describe, expect, it } from 'vitest';
import { addDomainSchema, embedOriginsSchema, redirectDomainsSchema } from './domains';

describe('domain form schemas', () => {
  it('normalizes a host name and refuses a URL', () => {
    expect(addDomainSchema.parse({ hostname: ' Pay.Example.com ' })).toEqual({ hostname: 'pay.example.com' });
    expect(addDomainSchema.safeParse({ hostname: 'https://pay.example.com' }).error?.issues[0].message).toBe('hostname_has_scheme');
  });

  it('reads a list typed one per line, and the list the form parsed from it, the same way', () => {
    const typed = redirectDomainsSchema.parse({ redirectDomains: 'Shop.example.com\n\n*.example.com, shop.example.com' });
    expect(typed).toEqual({ redirectDomains: ['shop.example.com', '*.example.com'] });
    expect(redirectDomainsSchema.parse(typed)).toEqual(typed);
    expect(redirectDomainsSchema.parse({ redirectDomains: '' })).toEqual({ redirectDomains: [] });
  });

  it('refuses a bad entry or too many', () => {
    expect(redirectDomainsSchema.safeParse({ redirectDomains: 'shop.example.com\nhttps://x.test' }).error?.issues[0].message).toBe(
      'redirect_domain_invalid',
    );
    expect(
      redirectDomainsSchema.safeParse({ redirectDomains: Array.from({ length: 51 }, (_, i) => `s${i}.example.com`).join('\n') }).error
        ?.issues[0].message,
    ).toBe('too_many_entries');
  });

  it('keeps embed origins as origins: https, or http on this machine', () => {
    expect(embedOriginsSchema.parse({ embedOrigins: 'https://shop.example.com/checkout\nhttp://localhost:3000' })).toEqual({
      embedOrigins: ['https://shop.example.com', 'http://localhost:3000'],
    });
    expect(embedOriginsSchema.safeParse({ embedOrigins: 'http://shop.example.com' }).error?.issues[0].message).toBe('embed_origin_invalid');
    expect(embedOriginsSchema.safeParse({ embedOrigins: 'shop.example.com' }).error?.issues[0].message).toBe('embed_origin_invalid');
  });
});
