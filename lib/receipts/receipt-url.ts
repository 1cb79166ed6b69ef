import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretKey, secretKeys } from '@/lib/security/secret-keys';

/**
 * A charge's hosted receipt lives at /receipts/{charge id}/{signature}: the signature, keyed by the
 * installation's secret (never stored with the data), is what lets the customer in, so knowing a charge
 * id alone shows nothing.
 */
const sign = (key: Buffer, chargeId: string) => createHmac('sha256', key).update(`receipt:${chargeId}`).digest('base64url').slice(0, 32);

export function receiptUrl(appUrl: string, chargeId: string): string {
  return `${appUrl}/receipts/${chargeId}/${sign(secretKey('receipt-links'), chargeId)}`;
}

/** Whether the signature is one of this installation's keys' (old keys still open links sent before a rotation). */
export function receiptSignatureValid(chargeId: string, signature: string): boolean {
  const given = Buffer.from(signature);
  return secretKeys('receipt-links').some((key) => {
    const expected = Buffer.from(sign(key, chargeId));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
