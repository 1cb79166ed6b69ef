import fc from 'fast-check';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { parseFormBody } from './form-body';
import { hash, int, mergeMetadata, metadata } from './params';
import { parseParams } from './parse-params';
import { readBody } from './read-body';
import { defined } from '@/e2e/support/defined';

const schema = z.strictObject({
  metadata: metadata().optional(),
  currency_options: hash(z.strictObject({ unit_amount: int() })).optional(),
});
const form = (body: string) => parseParams(schema, parseFormBody(new URLSearchParams(body)));
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeNames();

afterEach(() => {
  // Nothing a request sends may ever reach Object.prototype.
  expect(prototypeNames()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('free-form hash keys are ordinary keys (metadata[__proto__] as Stripe stores it)', () => {
  it('metadata[__proto__] and metadata[constructor] are kept as own keys of a plain object', () => {
    const p = form('metadata[__proto__]=x&metadata[constructor]=y&metadata[a]=b');
    expect(Object.keys(defined(p.metadata, 'metadata'))).toEqual(['__proto__', 'constructor', 'a']);
    expect(Object.getOwnPropertyDescriptor(p.metadata, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(p.metadata)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(p.metadata))).toEqual(JSON.parse('{"__proto__":"x","constructor":"y","a":"b"}'));
  });

  it('the same from a JSON body', async () => {
    const req = new Request('http://x/v1/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"metadata":{"__proto__":"x"}}',
    });
    const p = parseParams(schema, await readBody(req));
    expect(Object.keys(defined(p.metadata, 'metadata'))).toEqual(['__proto__']);
  });

  it('merging sets and unsets such keys without touching a prototype', () => {
    const stored = mergeMetadata({}, form('metadata[__proto__]=x&metadata[a]=b').metadata);
    expect(Object.keys(stored)).toEqual(['__proto__', 'a']);
    const unset = mergeMetadata(stored, form('metadata[__proto__]=').metadata);
    expect(unset).toEqual({ a: 'b' });
    expect(Object.keys(unset)).toEqual(['a']);
  });

  it('a hash given where a string belongs is refused, not merged into a prototype', () => {
    for (const body of [
      'metadata[__proto__][polluted]=1',
      '__proto__[polluted]=1',
      'constructor[prototype][polluted]=1',
      'currency_options[__proto__][polluted]=1',
    ]) {
      expect(() => form(body), body).toThrow(ApiError);
    }
  });

  it('digit keys make a hash, not a list: metadata[0]=a → {"0": "a"} (a list elsewhere stays a list)', () => {
    expect(form('metadata[0]=a&metadata[7]=b').metadata).toEqual({ 0: 'a', 7: 'b' });
    expect(parseFormBody(new URLSearchParams('expand[0]=a&expand[1]=b'))).toEqual({ expand: ['a', 'b'] });
  });

  it('currency_options keeps every key for lib/catalog to judge by name', () => {
    expect(
      Object.keys(
        defined(
          form('currency_options[__proto__][unit_amount]=5&currency_options[eur][unit_amount]=6').currency_options,
          'currency_options',
        ),
      ),
    ).toEqual(['__proto__', 'eur']);
  });

  it('property: any key of 1–40 characters survives parsing, merging and JSON unchanged', () => {
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '0', '12'),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 10 }), fc.string({ minLength: 1, maxLength: 20 }), (keys, value) => {
        const body = new URLSearchParams();
        for (const k of keys) body.append(`metadata[${k}]`, value);
        let parsed;
        try {
          parsed = parseParams(schema, parseFormBody(body)).metadata;
        } catch (err) {
          // Brackets inside a key are not a key Stripe's encoding can carry.
          if (err instanceof ApiError && keys.some((k) => /[[\]]/.test(k))) return;
          throw err;
        }
        const stored = JSON.parse(JSON.stringify(mergeMetadata({}, parsed))) as Record<string, string>;
        expect(Object.keys(stored).sort()).toEqual([...keys].sort());
        for (const k of keys) expect(Object.getOwnPropertyDescriptor(stored, k)?.value).toBe(value);
      }),
    );
  });
});
