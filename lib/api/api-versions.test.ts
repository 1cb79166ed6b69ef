import { readFileSync } from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { checkApiVersion, STRIPE_API_VERSIONS } from './api-versions';
import { ApiError } from './errors';

// Stripe's published versions as the official SDK's types list them (from Stripe's OpenAPI spec).
function sdkVersions(): string[] {
  const types = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/stripe/cjs/resources/WebhookEndpoints.d.ts'), 'utf8');
  const union = /type ApiVersion = ([^;]*);/.exec(types);
  if (!union) throw new Error("The SDK's API version list was not found");
  return [...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

const refused = (header: string) => {
  try {
    checkApiVersion(header);
  } catch (err) {
    if (err instanceof ApiError) return err.toJSON();
    throw err;
  }
  return null;
};

describe('Stripe-Version', () => {
  it("knows exactly the versions Stripe has published, the SDK's pinned one included", () => {
    expect(STRIPE_API_VERSIONS).toEqual(sdkVersions());
    expect(STRIPE_API_VERSIONS).toContain(Stripe.API_VERSION);
    for (const v of ['2011-01-01', '2020-08-27', '2024-06-20', '2024-09-30.acacia', '2025-03-31.basil']) expect(refused(v), v).toBeNull();
  });

  it("no header is the account's default; anything unknown is Stripe's 400", () => {
    expect(() => {
      checkApiVersion(null);
    }).not.toThrow();
    for (const v of [
      '',
      'latest',
      '2099-01-01',
      '2026-10-29.endive',
      '2024-09-30',
      '2020-8-27',
      '2020-08-27;link_beta=v1',
      '2020-08-27, 2020-08-27',
    ])
      expect(refused(v), v).toEqual({ error: { type: 'invalid_request_error', message: `Invalid Stripe API version: ${v}` } });
  });
});
