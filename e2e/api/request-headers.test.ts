import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError, testServerUrl, type Merchant } from '../support/merchant';

/** The SDK as a merchant configures it, with an `apiVersion` of their choosing. */
function sdk(m: Merchant, apiVersion?: string) {
  const url = new URL(testServerUrl());
  return new Stripe(m.secretKey, {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    ...(apiVersion && { apiVersion: apiVersion as never }),
  });
}

async function call(m: Merchant, method: string, path: string, headers: Record<string, string>, body?: string) {
  const res = await rawRequest(path, {
    method,
    key: m.secretKey,
    body,
    headers: { ...headers, ...(body && { 'content-type': 'application/x-www-form-urlencoded' }) },
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('Stripe-Version', () => {
  it("the SDK's own pinned version, an older dated version and no header at all are accepted", async () => {
    const m = await newMerchant();
    const pinned = await sdk(m).products.create({ name: 'Pinned' });
    expect(pinned.lastResponse.statusCode).toBe(200);
    for (const version of ['2024-06-20', '2025-03-31.basil', '2020-08-27', '2011-01-01'])
      expect((await sdk(m, version).products.list()).data).toHaveLength(1);
    expect((await call(m, 'GET', '/v1/products', {})).status).toBe(200);
  });

  it("an unknown version, even a well-formed future date → Stripe's 400, and nothing is written", async () => {
    const m = await newMerchant();
    for (const version of ['2099-01-01', '2026-10-29.endive', 'latest']) {
      const err = await stripeError(sdk(m, version).products.create({ name: 'Never' }));
      expect({ version, status: err.statusCode, type: err.type, message: err.message, code: err.code }).toEqual({
        version,
        status: 400,
        type: 'StripeInvalidRequestError',
        message: `Invalid Stripe API version: ${version}`,
        code: undefined,
      });
    }
    for (const header of ['', 'garbage', '2020-8-27', '2024-09-30']) {
      const reply = await call(m, 'POST', '/v1/products', { 'stripe-version': header }, 'name=Never');
      expect({ header, ...reply }).toEqual({
        header,
        status: 400,
        body: { error: { type: 'invalid_request_error', message: `Invalid Stripe API version: ${header}` } },
      });
    }
    expect((await m.stripe.products.list()).data).toEqual([]);
  });
});

describe('Stripe-Account (Caisse has no Connect)', () => {
  it("another account's id → 403 account_invalid as Stripe answers, never the key's own data", async () => {
    const m = await newMerchant();
    const other = await newMerchant();
    await m.stripe.products.create({ name: 'Mine' });
    const err = await stripeError(m.stripe.products.list({}, { stripeAccount: other.id }));
    expect({ status: err.statusCode, type: err.type, code: err.code }).toEqual({
      status: 403,
      type: 'StripePermissionError',
      code: 'account_invalid',
    });
    expect(err.message).toMatch(
      new RegExp(
        `^The provided key 'sk_test_\\*+.{4}' does not have access to account '${other.id}' \\(or that account does not exist\\)\\..*no connected accounts`,
      ),
    );
    const created = await call(m, 'POST', '/v1/products', { 'stripe-account': 'acct_1Nobody' }, 'name=Elsewhere');
    expect(created).toMatchObject({ status: 403, body: { error: { type: 'invalid_request_error', code: 'account_invalid' } } });
    expect((await m.stripe.products.list()).data.map((p) => p.name)).toEqual(['Mine']);
    expect((await other.stripe.products.list()).data).toEqual([]);
  });

  it("the key's own account id is the account the key acts for anyway → accepted", async () => {
    const m = await newMerchant();
    const product = await m.stripe.products.create({ name: 'Own' }, { stripeAccount: m.id });
    expect((await m.stripe.products.retrieve(product.id, {}, { stripeAccount: m.id })).name).toBe('Own');
  });
});
