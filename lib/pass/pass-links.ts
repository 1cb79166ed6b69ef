import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretKey, secretKeys } from '@/lib/security/secret-keys';

/**
 * The page that deletes a Pass, linked in every Pass email, at /pass/{pass id}/{signature}: the signature,
 * keyed by the installation's secret (never stored with the data), is what lets its owner in.
 */
const sign = (key: Buffer, passId: string) => createHmac('sha256', key).update(`pass:${passId}`).digest('base64url').slice(0, 32);

export function passDeleteUrl(appUrl: string, passId: string): string {
  return `${appUrl}/pass/${passId}/${sign(secretKey('pass-links'), passId)}`;
}

/** Whether the signature is one of this installation's keys' (old keys still open links made before a rotation). */
export function passSignatureValid(passId: string, signature: string): boolean {
  const given = Buffer.from(signature);
  return secretKeys('pass-links').some((key) => {
    const expected = Buffer.from(sign(key, passId));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
