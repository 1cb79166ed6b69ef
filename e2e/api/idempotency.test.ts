import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError, type Merchant } from '../support/merchant';
import type { ErrorBody } from './raw-api';

/** A reply's JSON, as the product or the error the test expects it to be. */
const productOf = (reply: { text: string }) => JSON.parse(reply.text) as Stripe.Product;
const errorOf = (reply: { text: string }) => JSON.parse(reply.text) as ErrorBody;

const FORM = 'application/x-www-form-urlencoded';

async function post(m: Merchant, path: string, body: string, key?: string) {
  const res = await rawRequest(path, {
    method: 'POST',
    key: m.secretKey,
    body,
    headers: { 'content-type': FORM, ...(key === undefined ? {} : { 'idempotency-key': key }) },
  });
  return {
    status: res.status,
    text: await res.text(),
    replayed: res.headers.get('idempotent-replayed'),
    keyHeader: res.headers.get('idempotency-key'),
  };
}

const productIds = async (m: Merchant) => (await m.stripe.products.list({ limit: 100 })).data.map((p) => p.id);

const MISMATCH = (key: string) =>
  `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`;

describe('idempotent requests', () => {
  it('a merchant retries a create with the same Idempotency-Key → the first reply is replayed and one object exists', async () => {
    const m = await newMerchant();
    const first = await post(m, '/v1/products', 'name=Once&metadata[n]=1', 'order-42');
    expect(first).toMatchObject({ status: 200, replayed: null, keyHeader: 'order-42' });
    const created = productOf(first);
    // Changing the object afterwards does not change what the key replays.
    await m.stripe.products.update(created.id, { name: 'Renamed' });
    const again = await post(m, '/v1/products', 'name=Once&metadata[n]=1', 'order-42');
    expect(again).toEqual({ status: 200, text: first.text, replayed: 'true', keyHeader: 'order-42' });
    expect(JSON.parse(again.text) as unknown).toMatchObject({ id: created.id, name: 'Once', metadata: { n: '1' } });
    expect(await productIds(m)).toEqual([created.id]);

    const viaSdk = await m.stripe.products.create({ name: 'Once', metadata: { n: '1' } }, { idempotencyKey: 'sdk-key' });
    const viaSdkAgain = await m.stripe.products.create({ name: 'Once', metadata: { n: '1' } }, { idempotencyKey: 'sdk-key' });
    expect(viaSdkAgain.id).toBe(viaSdk.id);
    expect(viaSdkAgain.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await productIds(m)).toEqual([viaSdk.id, created.id]);
  });

  it('a merchant reuses a key with different parameters or on another endpoint → 400 idempotency_error', async () => {
    const m = await newMerchant();
    expect((await post(m, '/v1/products', 'name=First', 'reused')).status).toBe(200);
    const error = {
      error: {
        type: 'idempotency_error',
        code: 'idempotency_key_in_use',
        doc_url: 'https://docs.stripe.com/error-codes/idempotency-key-in-use',
        message: MISMATCH('reused'),
      },
    };
    const different = await post(m, '/v1/products', 'name=Second', 'reused');
    expect({ status: different.status, body: JSON.parse(different.text) as unknown }).toEqual({ status: 400, body: error });
    const otherEndpoint = await post(m, '/v1/customers', 'name=First', 'reused');
    expect({ status: otherEndpoint.status, body: JSON.parse(otherEndpoint.text) as unknown }).toEqual({ status: 400, body: error });
    const sdkErr = await stripeError(m.stripe.products.create({ name: 'Third' }, { idempotencyKey: 'reused' }));
    expect(sdkErr).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
    expect((await productIds(m)).length).toBe(1);
    expect((await m.stripe.customers.list()).data).toEqual([]);
  });

  it('20 concurrent POSTs with one key → exactly one object; the others are replays or 409 in-progress', async () => {
    const m = await newMerchant();
    const replies = await Promise.all(Array.from({ length: 20 }, () => post(m, '/v1/products', 'name=Race', 'race-key')));
    const ok = replies.filter((r) => r.status === 200);
    const busy = replies.filter((r) => r.status === 409);
    expect(ok.length + busy.length).toBe(20);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => productOf(r).id)).size).toBe(1);
    expect(ok.filter((r) => r.replayed !== 'true').length).toBe(1);
    for (const r of busy)
      expect(JSON.parse(r.text) as unknown).toEqual({
        error: {
          type: 'idempotency_error',
          code: 'idempotency_key_in_use',
          doc_url: 'https://docs.stripe.com/error-codes/idempotency-key-in-use',
          message:
            'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): please try again later.',
        },
      });
    expect(await productIds(m)).toEqual([productOf(ok[0]).id]);
    // Once the first finished, the key replays it.
    const later = await post(m, '/v1/products', 'name=Race', 'race-key');
    expect(later).toMatchObject({ status: 200, replayed: 'true', text: ok[0].text });
  });

  it('a request that failed validation is not remembered → the same key with fixed params succeeds', async () => {
    const m = await newMerchant();
    const bad = await post(m, '/v1/products', 'description=no name', 'fix-me');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_missing', param: 'name' });
    const missingObject = await post(m, '/v1/prices', 'currency=usd&unit_amount=100&product=prod_missing', 'fix-me');
    expect({ status: missingObject.status, code: errorOf(missingObject).error.code }).toEqual({
      status: 400,
      code: 'resource_missing',
    });
    const fixed = await post(m, '/v1/products', 'name=Fixed', 'fix-me');
    expect(fixed).toMatchObject({ status: 200, replayed: null });
    expect(productOf(fixed).name).toBe('Fixed');
    expect((await post(m, '/v1/products', 'name=Fixed', 'fix-me')).replayed).toBe('true');
    expect(await productIds(m)).toEqual([productOf(fixed).id]);
  });

  it('two merchants use the same key → each gets their own object', async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const fromA = await post(a, '/v1/products', 'name=Shared key', 'same-key');
    const fromB = await post(b, '/v1/products', 'name=Shared key', 'same-key');
    expect([fromA.status, fromB.status, fromA.replayed, fromB.replayed]).toEqual([200, 200, null, null]);
    const idA = productOf(fromA).id;
    const idB = productOf(fromB).id;
    expect(idA).not.toBe(idB);
    expect(await productIds(a)).toEqual([idA]);
    expect(await productIds(b)).toEqual([idB]);
    // Different parameters under the other account's key are not a conflict either.
    expect((await post(b, '/v1/products', 'name=Other', 'only-a')).status).toBe(200);
    expect((await post(a, '/v1/products', 'name=Mine', 'only-a')).status).toBe(200);
  });

  it("the SDK's automatic idempotency keys → two creates make two objects", async () => {
    const m = await newMerchant();
    const one = await m.stripe.products.create({ name: 'Auto' });
    const two = await m.stripe.products.create({ name: 'Auto' });
    expect(one.id).not.toBe(two.id);
    expect(one.lastResponse.idempotencyKey).toMatch(/^stripe-node-retry-[0-9a-f-]{36}$/);
    expect(two.lastResponse.idempotencyKey).not.toBe(one.lastResponse.idempotencyKey);
    expect(await productIds(m)).toEqual([two.id, one.id]);
  });

  it('an Idempotency-Key longer than 255 characters → 400, nothing created; 255 is fine', async () => {
    const m = await newMerchant();
    const long = await post(m, '/v1/products', 'name=Long', 'k'.repeat(256));
    expect({ status: long.status, body: JSON.parse(long.text) as unknown }).toEqual({
      status: 400,
      body: {
        error: {
          type: 'invalid_request_error',
          param: 'Idempotency-Key',
          message: 'Idempotency-Key must be at most 255 characters long.',
        },
      },
    });
    expect(await productIds(m)).toEqual([]);
    const edge = await post(m, '/v1/products', 'name=Edge', 'k'.repeat(255));
    expect(edge.status).toBe(200);
    expect(await productIds(m)).toEqual([productOf(edge).id]);
  });
});
