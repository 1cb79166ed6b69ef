import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest } from '../support/merchant';
import type { ErrorBody } from './raw-api';

const V1 = path.resolve(import.meta.dirname, '../../app/v1');
const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH'] as const;

/** Every route file under app/v1, as a request path (dynamic segments filled in) and the methods it handles. */
function routes(): { file: string; urlPath: string; handled: string[] }[] {
  const out: { file: string; urlPath: string; handled: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        const call = /export const \{ GET, POST, DELETE, PUT, PATCH \} = apiRoute\(\{([^}]*)\}\);/.exec(source);
        if (!call) throw new Error(`${full} does not export its methods through apiRoute()`);
        const handled = [...call[1].matchAll(/\b(GET|POST|DELETE|PUT|PATCH):/g)].map((m) => m[1]);
        const segments = path.relative(V1, dir).split(path.sep).filter(Boolean);
        const urlPath = `/v1/${segments.map((s) => (s === '[...path]' ? 'no/such/thing' : s.startsWith('[') ? 'x_1' : s)).join('/')}`;
        out.push({ file: path.relative(V1, full), urlPath, handled });
      }
    }
  };
  walk(V1);
  return out;
}

describe('a method a /v1 route does not have → Stripe\'s "Unrecognized request URL" 404 JSON, never a bare 405', () => {
  it('every route file, every method it lacks (and the methods it has still answer JSON, not 405)', async () => {
    const m = await newMerchant();
    const all = routes();
    expect(all.length).toBeGreaterThan(25);
    expect(all.find((r) => r.urlPath === '/v1/products')?.handled).toEqual(['GET', 'POST']);
    for (const { file, urlPath, handled } of all) {
      for (const method of METHODS) {
        const res = await rawRequest(urlPath, { method, key: m.secretKey });
        const text = await res.text();
        const body = text ? (JSON.parse(text) as Partial<ErrorBody>) : null;
        const seen = {
          file,
          method,
          status: res.status,
          type: res.headers.get('content-type'),
          requestId: !!res.headers.get('request-id'),
          body,
        };
        if (handled.includes(method)) {
          expect(seen.status, `${method} ${urlPath}`).not.toBe(405);
          expect(seen.type, `${method} ${urlPath}`).toMatch(/^application\/json/);
          expect(body?.error?.message ?? '', `${method} ${urlPath}`).not.toMatch(/^Unrecognized request URL/);
        } else {
          expect(seen).toEqual({
            file,
            method,
            status: 404,
            type: expect.stringMatching(/^application\/json/) as unknown,
            requestId: true,
            body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${urlPath}).` } },
          });
        }
      }
    }
  });

  it('DELETE /v1/products (the case that was found) → the 404 the SDK reports as an invalid request', async () => {
    const m = await newMerchant();
    const res = await rawRequest('/v1/products', { method: 'DELETE', key: m.secretKey });
    expect({ status: res.status, body: (await res.json()) as unknown }).toEqual({
      status: 404,
      body: { error: { type: 'invalid_request_error', message: 'Unrecognized request URL (DELETE: /v1/products).' } },
    });
    await expect(m.stripe.rawRequest('DELETE', '/v1/products')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
    });
  });
});
