import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAISSE_EVENT_TYPES, STRIPE_EVENT_TYPES, isSubscribableEventType } from './event-types';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('event types', () => {
  it("the Stripe list is exactly the SDK's WebhookEndpointCreateParams.EnabledEvent union (without '*')", () => {
    const dts = readFileSync(path.join(ROOT, 'node_modules/stripe/cjs/resources/WebhookEndpoints.d.ts'), 'utf8');
    const union = /namespace WebhookEndpointCreateParams \{[\s\S]*?type EnabledEvent = ([^;]*);/.exec(dts)?.[1] ?? '';
    const names = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((n) => n !== '*');
    expect(names.length).toBeGreaterThan(200);
    expect([...STRIPE_EVENT_TYPES].sort()).toEqual(names.sort());
  });

  it('lists every type a recordEvent call in lib/ emits, and nothing it does not', () => {
    const emitted = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'lib'))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/recordEvent\(\w+, \{[^}]*?type: '([a-z_.]+)'/g)) emitted.add(m[1]);
      // Helpers that take the type first, e.g. recordSubscriptionEvent(tx, 'customer.subscription.created', sub).
      for (const m of source.matchAll(/record\w+Event\(\w+, '([a-z_.]+)'/g)) emitted.add(m[1]);
    }
    expect([...emitted].sort()).toEqual([...CAISSE_EVENT_TYPES].sort());
  });

  it("accepts '*', Caisse's own types and Stripe's; refuses near misses", () => {
    expect(isSubscribableEventType('*')).toBe(true);
    expect(isSubscribableEventType('shipping_rate.created')).toBe(true);
    expect(isSubscribableEventType('invoice.paid')).toBe(true);
    expect(isSubscribableEventType('checkout.session.complete')).toBe(false);
    expect(isSubscribableEventType('checkout.session.*')).toBe(false);
    expect(isSubscribableEventType('')).toBe(false);
  });
});
