import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '@/messages/en.json';
import { ERROR_CODES, invalidRequest, noSuchObject } from '@/lib/api/errors';
import { EndpointLimitError } from '@/lib/events/webhook-endpoints';
import { ActionError, errorToCodes, issuesToCodes } from './errors';
import { formInput } from './form-data';

describe('errorToCodes: every error an action meets, as codes', () => {
  it('every Stripe code the API answers has shared words (ActionErrors), resource_missing as not_found', () => {
    const shared: Record<string, string> = en.ActionErrors;
    for (const code of ERROR_CODES) expect(shared[code === 'resource_missing' ? 'not_found' : code], code).toBeTruthy();
  });

  it('an ActionError as thrown; an API error by its code, on the field its param names (longest prefix)', () => {
    expect(errorToCodes(new ActionError('hostname_taken', { hostname: 'hostname_taken' }))).toEqual({
      code: 'hostname_taken',
      fields: { hostname: 'hostname_taken' },
    });
    const fields = { fixed_amount: 'amount', 'fixed_amount[currency]': 'currency' };
    expect(errorToCodes(invalidRequest('Invalid currency', 'fixed_amount[currency]'), fields)).toEqual({
      code: 'invalid',
      fields: { currency: 'invalid' },
    });
    expect(errorToCodes(new EndpointLimitError())).toEqual({ code: 'too_many_endpoints' });
    expect(errorToCodes(noSuchObject('shipping rate', 'shr_1'))).toEqual({
      code: 'not_found',
      says: { key: 'no_such', values: { kind: 'shipping_rate', id: 'shr_1' } },
    });
    expect(errorToCodes(noSuchObject('webhook delivery', 'wd_1'))).toMatchObject({ says: { values: { kind: 'other' } } });
  });

  it('anything else (a bug, Next’s redirect) is not mapped', () => {
    expect(errorToCodes(new Error('boom'))).toBeNull();
  });
});

describe('issuesToCodes and formInput', () => {
  it('the first issue of each field, by dotted path', () => {
    const schema = z.object({ a: z.string().min(2, 'too_short').regex(/x/, 'no_x'), b: z.object({ c: z.number('nan') }) });
    const parsed = schema.safeParse({ a: 'y', b: { c: 'z' } });
    expect(parsed.success || issuesToCodes(parsed.error)).toEqual({ code: 'invalid_input', fields: { a: 'too_short', 'b.c': 'nan' } });
  });

  it('a FormData as an object: first value per name, files kept, React’s $ACTION fields dropped', () => {
    const form = new FormData();
    form.append('code', 'SPRING');
    form.append('code', 'SUMMER');
    form.append('$ACTION_ID_abc', '');
    const file = new File(['x'], 'x.png');
    form.append('image', file);
    expect(formInput(form)).toEqual({ code: 'SPRING', image: file });
    expect(formInput({ a: 1 })).toEqual({ a: 1 });
  });
});
