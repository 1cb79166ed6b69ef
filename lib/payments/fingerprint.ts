import { createHmac } from 'node:crypto';
import { secretKey } from '@/lib/security/secret-keys';

/**
 * Identifies "the same card" across payments without keeping the number: a
 * keyed HMAC, so nobody holding the database but not the secret can test
 * guessed numbers against it. Server-only (node:crypto); card-number.ts stays
 * browser-safe by not importing this.
 */
export function cardFingerprint(digits: string, secret: string): string {
  if (secret === '') throw new Error('cardFingerprint: empty secret');
  return createHmac('sha256', secret).update(digits).digest('base64url').slice(0, 16);
}

/** The installation's fingerprint key: from the key file or environment, never from the database. */
export const fingerprintSecret = () => secretKey('card-fingerprint').toString('base64url');
