import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRIPE_TAX_ID_TYPES } from './stripe-tax-id-types';
import { TAX_ID_FORMATS } from './tax-id-formats';

describe("Stripe's tax ID types", () => {
  it("are exactly the SDK's TaxIdCreateParams.Type union, `unknown` left out", () => {
    const dts = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/stripe/cjs/resources/TaxIds.d.ts'), 'utf8');
    const union = /namespace TaxIdCreateParams \{\s*type Type = ([^;]*);/.exec(dts)?.[1] ?? '';
    const names = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((n) => n !== 'unknown');
    expect(names.length).toBeGreaterThan(100);
    expect([...STRIPE_TAX_ID_TYPES].sort()).toEqual(names.sort());
  });

  it('include every type Caisse has a format for', () => {
    const stripe = new Set<string>(STRIPE_TAX_ID_TYPES);
    expect(Object.keys(TAX_ID_FORMATS).filter((t) => !stripe.has(t))).toEqual([]);
  });
});
