import { createHmac } from 'node:crypto';

/**
 * Webhook signatures, two schemes on every request so a merchant can verify
 * with Stripe's SDK or with any Standard Webhooks library, using the one
 * `whsec_…` secret the endpoint was given.
 *
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>]`, HMAC-SHA256 keyed
 * with the whole secret string (prefix included) over `<t>.<body>`.
 *
 * Standard Webhooks: `webhook-signature: v1,<base64>[ v1,<base64>]`, HMAC-SHA256
 * over `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the bytes the
 * reference library derives from a `whsec_` secret: it strips the prefix and
 * base64-decodes the rest. Our secrets are `whsec_` + base62, and base62's
 * alphabet is a subset of base64's, so every secret we issue already *is* a
 * valid Standard Webhooks secret: the key is simply base64-decode(body) — no
 * second secret to hand out, and `new Webhook(secret).verify(...)` works with
 * the very string the dashboard shows. (A 32-character body decodes to 24
 * bytes; bodies of other lengths (4 or more characters) decode with the trailing partial sextet
 * ignored, exactly as the reference decoder does, which sign.test.ts checks
 * against the library for every length.) A secret whose body is not base64 at
 * all (none we generate) gets no Standard Webhooks signature rather than one
 * no library could check.
 *
 * During a secret roll both the current and the previous secret sign, one
 * signature each, until the previous one expires.
 */

export type EndpointSecrets = { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };

const PREFIX = 'whsec_';
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/** The secrets that sign right now: current first, then the previous one until it expires. */
export function activeSecrets(endpoint: EndpointSecrets, now: Date): string[] {
  const out = [endpoint.secret];
  const prev = endpoint.previousSecret;
  if (prev && prev !== endpoint.secret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) out.push(prev);
  return out;
}

export function stripeSignatureHeader(body: string, secrets: string[], timestamp: number): string {
  const sigs = secrets.map((s) => `v1=${createHmac('sha256', s).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`);
  return [`t=${timestamp}`, ...sigs].join(',');
}

/** The HMAC key Standard Webhooks libraries derive from a `whsec_` secret, or null when they could not derive one. */
export function standardWebhooksKey(secret: string): Buffer | null {
  const body = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  // The reference decoder refuses bodies shorter than one base64 quantum.
  if (body.length < 4 || !BASE64_BODY.test(body)) return null;
  const key = Buffer.from(body, 'base64');
  return key.length > 0 ? key : null;
}

export function standardWebhooksSignature(id: string, body: string, secrets: string[], timestamp: number): string | null {
  const sigs: string[] = [];
  for (const secret of secrets) {
    const key = standardWebhooksKey(secret);
    if (key) sigs.push(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64')}`);
  }
  return sigs.length ? sigs.join(' ') : null;
}

/** Every signature header of one request; `timestamp` is unix seconds at the moment of sending. */
export function signatureHeaders(p: { eventId: string; body: string; secrets: string[]; timestamp: number }): Record<string, string> {
  const headers: Record<string, string> = {
    'stripe-signature': stripeSignatureHeader(p.body, p.secrets, p.timestamp),
    'webhook-id': p.eventId,
    'webhook-timestamp': String(p.timestamp),
  };
  const standard = standardWebhooksSignature(p.eventId, p.body, p.secrets, p.timestamp);
  if (standard) headers['webhook-signature'] = standard;
  return headers;
}
