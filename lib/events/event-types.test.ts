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

  it('lists every event type named in lib/ (outside lib/events), and nothing it does not', () => {
    // recordEvent calls name their type, and so do helpers' unions (e.g. the subscription change events).
    const known = new Set<string>([...CAISSE_EVENT_TYPES, ...STRIPE_EVENT_TYPES]);
    const named = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'lib'))) {
      if (file.includes(`${path.sep}events${path.sep}`) || file.includes(`${path.sep}testing${path.sep}`)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) if (known.has(m[1])) named.add(m[1]);
    }
    expect([...named].sort()).toEqual([...CAISSE_EVENT_TYPES].sort());
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
