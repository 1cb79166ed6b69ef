import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError, stripeFor } from '../support/merchant';
import type { ErrorBody } from './raw-api';

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
const PUBLISHABLE = 'This API call cannot be made with a publishable API key. Please use a secret API key.';
const REQUEST_ID = /^req_[A-Za-z0-9]{14}$/;

const basic = (userPass: string) => `Basic ${Buffer.from(userPass).toString('base64')}`;

async function call(path: string, authorization?: string, init: RequestInit = {}) {
  const res = await rawRequest(path, {
    ...init,
    headers: { ...(authorization === undefined ? {} : { authorization }), ...(init.headers as object) },
  });
  return { status: res.status, requestId: res.headers.get('request-id'), body: (await res.json().catch(() => null)) as unknown };
}

describe('authenticating API requests', () => {
  it('a merchant sends their secret key as a Bearer token → sees their own objects', async () => {
    const m = await newMerchant();
    const product = await m.stripe.products.create({ name: 'Bearer tee' });
    const res = await call('/v1/products', `Bearer ${m.secretKey}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      object: 'list',
      data: [expect.objectContaining({ id: product.id, name: 'Bearer tee' })],
      has_more: false,
      url: '/v1/products',
    });
  });

  it('a merchant uses curl -u "sk_test_…:" (HTTP Basic, key as user name) → reads and writes', async () => {
    const m = await newMerchant();
    const created = await call('/v1/products', basic(`${m.secretKey}:`), {
      method: 'POST',
      body: 'name=Basic%20mug',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ object: 'product', name: 'Basic mug' });
    const listed = await call('/v1/products', basic(`${m.secretKey}:`));
    expect((listed.body as Stripe.ApiList<Stripe.Product>).data.map((p) => p.id)).toEqual([(created.body as Stripe.Product).id]);
    // The scheme is case-insensitive, as RFC 7617 says.
    expect((await call('/v1/products', `basic ${Buffer.from(`${m.secretKey}:`).toString('base64')}`)).status).toBe(200);
  });

  it('a request without any key → 401 invalid_request_error asking for one (the type Stripe uses for a missing key)', async () => {
    const res = await call('/v1/products');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { type: 'invalid_request_error', message: NO_KEY } });
    expect(res.requestId).toMatch(REQUEST_ID);
  });

  it('a malformed Authorization header → 401 invalid_request_error, as Stripe answers', async () => {
    const m = await newMerchant();
    for (const header of ['Bearer', 'Bearer ', 'Token abc', m.secretKey, `Digest ${m.secretKey}`, basic(`:${m.secretKey}`), 'Basic ']) {
      const res = await call('/v1/products', header);
      expect({ header, status: res.status, body: res.body }).toEqual({
        header,
        status: 401,
        body: { error: { type: 'invalid_request_error', message: NO_KEY } },
      });
    }
    // Extra words after the key are not silently dropped.
    const extra = await call('/v1/products', `Bearer ${m.secretKey} trailing`);
    expect(extra).toMatchObject({
      status: 401,
      body: { error: { type: 'invalid_request_error', message: `Invalid API Key provided: sk_test_${'*'.repeat(20)}ling` } },
    });
    const garbage = await call('/v1/products', 'Basic %%%not-base64%%%');
    expect(garbage.status).toBe(401);
    expect((garbage.body as ErrorBody).error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringMatching(/^Invalid API Key provided: /) as unknown,
    });
  });

  it('a wrong key → 401 "Invalid API Key provided" with the key redacted', async () => {
    const wrong = `sk_test_${'A'.repeat(40)}wxyz`;
    const res = await call('/v1/products', `Bearer ${wrong}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_********************wxyz' },
    });
    // Short or oddly shaped keys are fully masked.
    const short = await call('/v1/products', 'Bearer hunter2');
    expect(short.body).toEqual({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided: *******' } });
    const restricted = await call('/v1/products', `Bearer rk_test_${'b'.repeat(24)}`);
    expect((restricted.body as ErrorBody).error.message).toBe(`Invalid API Key provided: rk_test_${'*'.repeat(20)}bbbb`);
  });

  it('a revoked-looking key (right shape, unknown to Caisse) → 401, and a near-miss of a real key too', async () => {
    const m = await newMerchant();
    const lookalike = `sk_test_${'Zq9'.repeat(16)}`;
    const res = await call('/v1/products', `Bearer ${lookalike}`);
    expect(res.status).toBe(401);
    expect((res.body as ErrorBody).error).toEqual({
      type: 'invalid_request_error',
      message: `Invalid API Key provided: sk_test_${'*'.repeat(20)}9Zq9`,
    });
    const last = m.secretKey.at(-1) === 'a' ? 'b' : 'a';
    const nearMiss = `${m.secretKey.slice(0, -1)}${last}`;
    const near = await call('/v1/products', basic(`${nearMiss}:`));
    expect(near.status).toBe(401);
    expect((near.body as ErrorBody).error.message).toBe(
      `Invalid API Key provided: ${nearMiss.slice(0, 8)}${'*'.repeat(20)}${nearMiss.slice(-4)}`,
    );
    const sdkErr = await stripeError(stripeFor(lookalike).products.list());
    expect(sdkErr).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
  });

  it('a merchant uses their publishable key on secret-only endpoints → 401 asking for the secret key', async () => {
    const m = await newMerchant();
    expect(m.publishableKey).toMatch(/^pk_test_/);
    for (const [method, path, body] of [
      ['GET', '/v1/products', undefined],
      ['POST', '/v1/products', 'name=x'],
      ['GET', '/v1/checkout/sessions', undefined],
      ['POST', '/v1/checkout/sessions', 'mode=payment'],
      ['GET', '/v1/prices', undefined],
    ] as const) {
      const res = await call(path, `Bearer ${m.publishableKey}`, {
        method,
        body,
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      });
      expect({ path, method, status: res.status, body: res.body }).toEqual({
        path,
        method,
        status: 401,
        body: { error: { type: 'invalid_request_error', message: PUBLISHABLE } },
      });
    }
    const viaSdk = await stripeError(stripeFor(m.publishableKey).customers.list());
    expect(viaSdk).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401, message: PUBLISHABLE });
    expect((await m.stripe.products.list()).data).toEqual([]);
  });

  it('every response carries its own Request-Id header: successes, errors and unknown URLs', async () => {
    const m = await newMerchant();
    const product = await m.stripe.products.create({ name: 'Id check' });
    const auth = `Bearer ${m.secretKey}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const responses = [
      await call('/v1/products', auth),
      await call(`/v1/products/${product.id}`, auth),
      await call('/v1/products', auth, { method: 'POST', body: 'name=Second', headers: form }),
      await call('/v1/products', auth, { method: 'POST', body: 'bogus=1', headers: form }),
      await call('/v1/products/prod_doesnotexist', auth),
      await call('/v1/products'),
      await call('/v1/products', 'Bearer sk_test_wrong'),
      await call('/v1/unknown_things', auth),
      await call('/v1/products/x/y/z', auth, { method: 'POST' }),
      await call('/v1', auth),
      await call('/v1/products', auth, { method: 'PUT' }),
      await call('/v1/prices', auth, { method: 'DELETE' }),
      await call('/v1/products/%ZZ', auth),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 400, 404, 401, 401, 404, 404, 404, 404, 404, 404]);
    for (const r of responses) expect(r.requestId).toMatch(REQUEST_ID);
    expect(new Set(responses.map((r) => r.requestId)).size).toBe(responses.length);
    const sdk = await m.stripe.products.retrieve(product.id);
    expect(sdk.lastResponse.requestId).toMatch(REQUEST_ID);
  });

  it('an unknown /v1 path → 404 "Unrecognized request URL" naming the method and path', async () => {
    const m = await newMerchant();
    const auth = `Bearer ${m.secretKey}`;
    for (const [method, path] of [
      ['GET', '/v1/charges_and_things'],
      ['POST', '/v1/widgets'],
      ['DELETE', '/v1/checkout/nothing'],
      ['GET', '/v1/products/prod_1/extra'],
      ['GET', '/v1'],
      ['PUT', '/v1/products'],
      ['PATCH', '/v1/checkout/sessions'],
      ['GET', '/v1/products/%ZZ'],
      ['DELETE', '/v1/prices/price_123'],
    ] as const) {
      const res = await call(path, auth, { method });
      expect({ status: res.status, body: res.body }).toEqual({
        status: 404,
        body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` } },
      });
    }
  });
});
