import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors';

// The official SDK's list of Stripe's error codes (generated from Stripe's OpenAPI spec).
function stripeErrorCodes(): Set<string> {
  const types = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/stripe/cjs/resources/PaymentIntents.d.ts'), 'utf8');
  const union = /type Code = ('account_closed'[^;]*);/.exec(types);
  if (!union) throw new Error("The SDK's error code list was not found");
  return new Set([...union[1].matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1]));
}

describe('error codes', () => {
  it("every code the API answers with is one of Stripe's", () => {
    const stripe = stripeErrorCodes();
    expect(stripe.size).toBeGreaterThan(100);
    expect(ERROR_CODES.filter((c) => !stripe.has(c))).toEqual([]);
  });
});
