import { describe, expect, it } from 'vitest';
import { cardFingerprint } from './fingerprint';

describe('cardFingerprint', () => {
  it('is the base64url HMAC-SHA256 of the digits, cut to 16 characters', () => {
    // Vector from `openssl dgst -sha256 -hmac whsec-test-secret`, base64url-encoded.
    expect(cardFingerprint('4242424242424242', 'whsec-test-secret')).toBe('ACY_K_KfpLcXPwOu');
  });

  it('is stable for the same card and secret', () => {
    expect(cardFingerprint('5555555555554444', 's1')).toBe(cardFingerprint('5555555555554444', 's1'));
    expect(cardFingerprint('5555555555554444', 's1')).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('depends on the secret, so a leaked table cannot be matched without it', () => {
    expect(cardFingerprint('4242424242424242', 'secret-a')).not.toBe(cardFingerprint('4242424242424242', 'secret-b'));
  });

  it('tells different cards apart', () => {
    expect(cardFingerprint('4242424242424242', 's')).not.toBe(cardFingerprint('4000056655665556', 's'));
  });

  it('refuses an empty secret rather than produce an unkeyed hash', () => {
    expect(() => cardFingerprint('4242424242424242', '')).toThrow(/secret/);
  });
});
