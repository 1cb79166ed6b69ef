import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { parseFormBody } from './form-body';

const parse = (s: string) => parseFormBody(new URLSearchParams(s));

describe('parseFormBody (Stripe form encoding)', () => {
  it('nests brackets into hashes and numeric indexes into arrays in index order', () => {
    expect(parse('line_items[1][price]=b&line_items[0][price]=a&line_items[0][quantity]=2&mode=payment')).toEqual({
      line_items: [{ price: 'a', quantity: '2' }, { price: 'b' }],
      mode: 'payment',
    });
  });

  it('appends `key[]` values in order, and reads percent-encoded brackets', () => {
    expect(parse('expand[]=a&expand[]=b&x%5B0%5D%5By%5D=1')).toEqual({ expand: ['a', 'b'], x: [{ y: '1' }] });
  });

  it('keeps empty values as "" (unset), and a hash that follows an empty value wins', () => {
    expect(parse('metadata=&metadata[k]=v&description=')).toEqual({ metadata: { k: 'v' }, description: '' });
  });

  it('stores __proto__ as a plain key without touching Object.prototype', () => {
    const out = parse('__proto__[polluted]=yes');
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a[b][c]=2&a[b]=1', /also given as a hash/],
    ['a[b=1', /Invalid parameter name/],
    ['a[99999]=1', /Array index too large/],
    [`a${'[x]'.repeat(20)}=1`, /too deep/],
    ['a=1&a[b]=2', /Invalid hash/],
  ])('refuses %s with a 400', (body, message) => {
    let caught: unknown;
    try {
      parse(body);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).status).toBe(400);
    expect((caught as ApiError).message).toMatch(message);
  });
});
