import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretKey, secretKeys } from '@/lib/security/secret-keys';

/**
 * The 3-D Secure page of a payment intent the merchant's server confirmed, at /a/{intent id}/{signature}:
 * the signature, keyed by the installation's secret (never stored with the data), is what lets the customer
 * in, so knowing an intent's id alone shows nothing.
 */
const sign = (key: Buffer, intentId: string) => createHmac('sha256', key).update(`intent:${intentId}`).digest('base64url').slice(0, 32);

export function intentChallengeUrl(appUrl: string, intentId: string): string {
  return `${appUrl}/a/${intentId}/${sign(secretKey('intent-links'), intentId)}`;
}

/** Whether the signature is one of this installation's keys' (old keys still open links made before a rotation). */
export function intentSignatureValid(intentId: string, signature: string): boolean {
  const given = Buffer.from(signature);
  return secretKeys('intent-links').some((key) => {
    const expected = Buffer.from(sign(key, intentId));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
