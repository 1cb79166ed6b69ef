import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { bool, int, metadata, unsettable } from './params';
import { parseParams } from './parse-params';

const schema = z.strictObject({
  name: z.string(),
  count: int({ min: 1 }).optional(),
  live: bool().optional(),
  metadata: metadata().optional(),
  shipping: unsettable(z.strictObject({ name: z.string(), phone: z.string().optional() })).optional(),
  items: z.array(z.strictObject({ price: z.string() })).optional(),
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
    expect(parseParams(schema, { name: 'a', count: 3, live: false, shipping: '' })).toEqual({ name: 'a', count: 3, live: false, shipping: null });
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
});
