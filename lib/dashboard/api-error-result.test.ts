import { describe, expect, it } from 'vitest';
import { invalidRequest, noSuchObject } from '@/lib/api/errors';
import { EndpointLimitError } from '@/lib/events/webhook-endpoints';
import { apiCall } from './api-error-result';

describe('apiCall: an API error as the dashboard form message', () => {
  it('the webhook endpoint cap (a Stripe error without a code) → too_many_endpoints', async () => {
    expect(await apiCall(() => Promise.reject(new EndpointLimitError()))).toEqual({
      ok: false,
      result: { ok: false, error: 'too_many_endpoints', fieldErrors: undefined },
    });
    expect(new EndpointLimitError().toJSON().error).not.toHaveProperty('code');
  });

  it('a missing object → not_found; any other API error → invalid', async () => {
    expect(await apiCall(() => Promise.reject(noSuchObject('product', 'prod_x')))).toMatchObject({ result: { error: 'not_found' } });
    expect(await apiCall(() => Promise.reject(invalidRequest('nope')))).toMatchObject({ result: { error: 'invalid' } });
    expect(await apiCall(() => Promise.resolve(42))).toEqual({ ok: true, value: 42 });
  });
});
