import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { bool, email, int, metadata, unsettable, unsupported, url } from './params';
import { parseParams } from './parse-params';

const schema = z.strictObject({
  name: z.string(),
  count: int({ min: 1 }).optional(),
  live: bool().optional(),
  metadata: metadata().optional(),
  shipping: unsettable(z.strictObject({ name: z.string(), phone: z.string().optional() })).optional(),
  items: z.array(z.strictObject({ price: z.string() })).optional(),
  site: url().optional(),
  email: email().optional(),
  tiers: unsupported('Tiered prices are not supported'),
});

function errorOf(input: unknown): ApiError {
  try {
    parseParams(schema, input);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('parseParams maps zod issues to Stripe errors', () => {
  it('accepts form strings and JSON types alike', () => {
    expect(parseParams(schema, { name: 'a', count: '3', live: 'true' })).toEqual({ name: 'a', count: 3, live: true });
    expect(parseParams(schema, { name: 'a', count: 3, live: false, shipping: '' })).toEqual({
      name: 'a',
      count: 3,
      live: false,
      shipping: null,
    });
  });

  it('names an unknown parameter by its full bracket path, before other problems', () => {
    expect(errorOf({ nam: 'x' })).toMatchObject({ code: 'parameter_unknown', param: 'nam', message: 'Received unknown parameter: nam' });
    expect(errorOf({ name: 'a', items: [{ price: 'p', qty: '1' }] })).toMatchObject({ param: 'items[0][qty]' });
  });

  it('reports a missing required parameter as missing, even inside a union', () => {
    expect(errorOf({})).toMatchObject({ code: 'parameter_missing', param: 'name', message: 'Missing required param: name.' });
    expect(errorOf({ name: 'a', shipping: { phone: '1' } })).toMatchObject({ code: 'parameter_missing', param: 'shipping[name]' });
  });

  it('says what is wrong with a value and where', () => {
    expect(errorOf({ name: 'a', count: 'abc' })).toMatchObject({ param: 'count', message: 'Invalid integer: abc (count).' });
    expect(errorOf({ name: 'a', count: '0' })).toMatchObject({ param: 'count' });
    expect(errorOf({ name: 'a', live: 'yes' })).toMatchObject({ param: 'live' });
    expect(errorOf({ name: 'a', metadata: { ['k'.repeat(41)]: 'v' } }).param).toBe(`metadata[${'k'.repeat(41)}]`);
    expect(errorOf({ name: 'a', items: 'x' })).toMatchObject({ param: 'items', message: 'Invalid array: items must be an array.' });
  });

  it("booleans in any case, as Stripe's Python library sends them (True/False)", () => {
    expect(parseParams(schema, { name: 'a', live: 'True' })).toEqual({ name: 'a', live: true });
    expect(parseParams(schema, { name: 'a', live: 'FALSE' })).toEqual({ name: 'a', live: false });
    expect(errorOf({ name: 'a', live: 'yes' })).toMatchObject({ param: 'live', message: 'Invalid boolean: yes (live).', code: undefined });
  });

  it("carries Stripe's own error codes, and none where Stripe gives none", () => {
    expect(errorOf({ name: 'a', count: 'abc' }).code).toBe('parameter_invalid_integer');
    expect(errorOf({ name: 'a', count: { x: '1' } })).toMatchObject({
      code: 'parameter_invalid_integer',
      message: 'Invalid integer: a hash (count).',
    });
    expect(errorOf({ name: 'a', count: '0' }).code).toBeUndefined();
    expect(errorOf({ name: 'a', site: 'not a url' })).toMatchObject({ code: 'url_invalid', param: 'site' });
    expect(errorOf({ name: 'a', email: 'nobody' })).toMatchObject({ code: 'email_invalid', param: 'email' });
    expect(errorOf({ name: 'a', tiers: 'x' })).toMatchObject({
      code: 'parameter_unknown',
      param: 'tiers',
      message: 'Tiered prices are not supported (tiers).',
    });
    expect(errorOf({ name: 'a', items: 'x' }).code).toBeUndefined();
  });

  it("an empty value where nothing can be unset → Stripe's parameter_invalid_empty", () => {
    for (const input of [{ name: '' }, { name: 'a', count: '' }, { name: 'a', items: '' }, { name: 'a', items: [{ price: '' }] }])
      expect(() =>
        parseParams(
          z.strictObject({
            ...schema.shape,
            name: z.string().min(1),
            items: z.array(z.strictObject({ price: z.string().min(1) })).optional(),
          }),
          input,
        ),
      ).toThrow(
        /^You passed an empty string for '(name|count|items|items\[0\]\[price\])'\. We assume empty values are an attempt to unset a parameter; however '\1' cannot be unset\./,
      );
    expect(errorOf({ name: 'a', count: '' })).toMatchObject({ code: 'parameter_invalid_empty', param: 'count' });
    // An unsettable parameter takes it.
    expect(parseParams(schema, { name: 'a', shipping: '', metadata: '' })).toEqual({ name: 'a', shipping: null, metadata: null });
  });
});
