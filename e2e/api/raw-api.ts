import { rawRequest, type Merchant } from '../support/merchant';

// Raw HTTP helpers for the request-encoding suites: what the SDK would never send.
export const FORM = 'application/x-www-form-urlencoded';

// A parsed reply, or its text if it is not JSON. `T` is what the test expects the JSON to be (a Stripe object, an
// ErrorBody): a claim the assertions then check, not a validation.
export type Reply<T = unknown> = { status: number; body: T };

/** Stripe's error reply. */
export type ErrorBody = { error: { type: string; message: string; code?: string; param?: string; doc_url?: string } };

export async function send<T = unknown>(
  m: Merchant | string,
  method: string,
  path: string,
  body?: BodyInit,
  contentType = FORM,
): Promise<Reply<T>> {
  const key = typeof m === 'string' ? m : m.secretKey;
  const res = await rawRequest(path, { method, key, body, headers: body === undefined ? {} : { 'content-type': contentType } });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return { status: res.status, body: parsed as T };
}

export const form = <T = unknown>(m: Merchant, path: string, body: string) => send<T>(m, 'POST', path, body);
export const json = <T = unknown>(m: Merchant, path: string, body: unknown) =>
  send<T>(m, 'POST', path, JSON.stringify(body), 'application/json');
export const get = <T = unknown>(m: Merchant, path: string) => send<T>(m, 'GET', path);

/** Stripe's 400 body; `code` only where Stripe sends one. */
export const invalid = (message: string, param?: string, code?: string) => ({
  error: {
    type: 'invalid_request_error',
    message,
    ...(code ? { code, doc_url: `https://docs.stripe.com/error-codes/${code.replaceAll('_', '-')}` } : {}),
    ...(param ? { param } : {}),
  },
});
