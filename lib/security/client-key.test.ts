import { describe, expect, it } from 'vitest';
import { clientKeyFrom } from './client-key';

describe('clientKeyFrom', () => {
  it('takes the address the nearest proxy appended, not what the client prepended', () => {
    expect(clientKeyFrom(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientKeyFrom(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientKeyFrom(new Headers({ 'x-real-ip': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientKeyFrom(new Headers())).toBe('direct');
  });
});
