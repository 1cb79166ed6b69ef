import { rawRequest, type Merchant } from '../support/merchant';

// Raw HTTP helpers for the request-encoding suites: what the SDK would never send.
export const FORM = 'application/x-www-form-urlencoded';

// `any`: error bodies are asserted field by field.
export type Reply = { status: number; body: any };

export async function send(m: Merchant | string, method: string, path: string, body?: BodyInit, contentType = FORM): Promise<Reply> {
  const key = typeof m === 'string' ? m : m.secretKey;
  const res = await rawRequest(path, { method, key, body, headers: body === undefined ? {} : { 'content-type': contentType } });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return { status: res.status, body: parsed };
}

export const form = (m: Merchant, path: string, body: string) => send(m, 'POST', path, body);
export const json = (m: Merchant, path: string, body: unknown) => send(m, 'POST', path, JSON.stringify(body), 'application/json');
export const get = (m: Merchant, path: string) => send(m, 'GET', path);

/** Stripe's 400 body; `code` only where Stripe sends one. */
export const invalid = (message: string, param?: string, code?: string) => ({
  error: {
    type: 'invalid_request_error',
    message,
    ...(code ? { code, doc_url: `https://docs.stripe.com/error-codes/${code.replaceAll('_', '-')}` } : {}),
    ...(param ? { param } : {}),
  },
});
