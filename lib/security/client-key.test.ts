import { describe, expect, it } from 'vitest';
import { clientKeyFrom } from './client-key';

describe('clientKeyFrom', () => {
  it('reads only the address the server resolved, never X-Forwarded-For or X-Real-IP as sent', () => {
    expect(clientKeyFrom(new Headers({ 'x-caisse-client-address': '203.0.113.7', 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.7');
    expect(clientKeyFrom(new Headers({ 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.7' }))).toBe('unknown');
  });
});
