import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretKey, secretKeys } from '@/lib/security/secret-keys';

/**
 * A finalized invoice's hosted page lives at /i/{invoice id}/{signature} and its PDF at …/pdf: the
 * signature, keyed by the installation's secret (never stored with the data), is what lets the customer
 * in, so knowing an invoice id alone shows nothing.
 */
const sign = (key: Buffer, invoiceId: string) => createHmac('sha256', key).update(`invoice:${invoiceId}`).digest('base64url').slice(0, 32);

export function hostedInvoiceUrl(appUrl: string, invoiceId: string): string {
  return `${appUrl}/i/${invoiceId}/${sign(secretKey('invoice-links'), invoiceId)}`;
}

export function invoicePdfUrl(appUrl: string, invoiceId: string): string {
  return `${hostedInvoiceUrl(appUrl, invoiceId)}/pdf`;
}

/** Whether the signature is one of this installation's keys' (old keys still open links sent before a rotation). */
export function invoiceSignatureValid(invoiceId: string, signature: string): boolean {
  const given = Buffer.from(signature);
  return secretKeys('invoice-links').some((key) => {
    const expected = Buffer.from(sign(key, invoiceId));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
