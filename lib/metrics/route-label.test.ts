import { describe, expect, it } from 'vitest';
import { routeLabel } from './route-label';

describe('routeLabel', () => {
  it('keeps the words of a route and turns ids into :id', () => {
    expect(routeLabel('/v1/checkout/sessions', 200)).toBe('/v1/checkout/sessions');
    expect(routeLabel('/v1/checkout/sessions/cs_test_a1B2c3D4e5?expand[]=line_items', 200)).toBe('/v1/checkout/sessions/:id');
    expect(routeLabel('/v1/invoices/create_preview', 200)).toBe('/v1/invoices/create_preview');
    expect(routeLabel('/v1/webhook_endpoints/we_9xYz/roll_secret', 200)).toBe('/v1/webhook_endpoints/:id/roll_secret');
    expect(routeLabel('/c/cs_test_a1B2c3D4e5', 303)).toBe('/c/:id');
    expect(routeLabel('/i/in_Qx81/pdf', 200)).toBe('/i/:id/pdf');
    expect(routeLabel('/receipts/42', 200)).toBe('/receipts/:id');
    expect(routeLabel('/', 200)).toBe('/');
    expect(routeLabel(undefined, 200)).toBe('/');
  });

  it('bounds the labels: Next’s assets are one, a 404 is unmatched, long or odd segments are :id, depth is capped', () => {
    expect(routeLabel('/_next/static/chunks/app-4f3a.js', 200)).toBe('/_next');
    expect(routeLabel('/v1/nothing-here', 404)).toBe('unmatched');
    expect(routeLabel('/a/%2e%2e/x', 200)).toBe('/a/:id/x');
    expect(routeLabel(`/${'a'.repeat(40)}`, 200)).toBe('/:id');
    expect(routeLabel('/a/b/c/d/e/f/g/h', 200)).toBe('/a/b/c/d/e/f');
  });
});
