import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant } from '../support/merchant';
import { form, get, invalid, json } from './raw-api';

describe("request parameters: unknown, mistyped, missing, out of range, another merchant's", () => {
  it('an unknown parameter → 400 naming its full bracket path', async () => {
    const m = await newMerchant();
    const price = await m.stripe.prices.create({ currency: 'usd', unit_amount: 500, product_data: { name: 'P' } });
    expect(await form(m, '/v1/products', 'name=x&colour=red')).toEqual({
      status: 400,
      body: invalid('Received unknown parameter: colour', 'colour', 'parameter_unknown'),
    });
    expect(
      await form(
        m,
        '/v1/products',
        'name=x&package_dimensions[height]=1&package_dimensions[length]=1&package_dimensions[weight]=1&package_dimensions[width]=1&package_dimensions[depth]=1',
      ),
    ).toEqual({
      status: 400,
      body: invalid('Received unknown parameter: package_dimensions[depth]', 'package_dimensions[depth]', 'parameter_unknown'),
    });
    const session = await form(
      m,
      '/v1/checkout/sessions',
      `mode=payment&success_url=https://e.com&line_items[0][price]=${price.id}&line_items[0][quantity]=1&line_items[0][bogus]=1`,
    );
    expect(session).toEqual({
      status: 400,
      body: invalid('Received unknown parameter: line_items[0][bogus]', 'line_items[0][bogus]', 'parameter_unknown'),
    });
    const second = await json(m, '/v1/checkout/sessions', {
      mode: 'payment',
      success_url: 'https://e.com',
      line_items: [
        { price: price.id, quantity: 1 },
        { price: price.id, quantiy: 2 },
      ],
    });
    expect(second).toEqual({
      status: 400,
      body: invalid('Received unknown parameter: line_items[1][quantiy]', 'line_items[1][quantiy]', 'parameter_unknown'),
    });
    expect(await get(m, '/v1/products?limit=2&sort=asc')).toEqual({
      status: 400,
      body: invalid('Received unknown parameter: sort', 'sort', 'parameter_unknown'),
    });
  });

  it('a value of the wrong type → 400 naming the parameter', async () => {
    const m = await newMerchant();
    expect(await form(m, '/v1/prices', 'currency=usd&product_data[name]=x&unit_amount=abc')).toEqual({
      status: 400,
      body: invalid('Invalid integer: abc (unit_amount).', 'unit_amount', 'parameter_invalid_integer'),
    });
    expect(await json(m, '/v1/prices', { currency: 'usd', product_data: { name: 'x' }, unit_amount: 12.5 })).toEqual({
      status: 400,
      body: invalid('Invalid integer: 12.5 (unit_amount).', 'unit_amount', 'parameter_invalid_integer'),
    });
    expect(await form(m, '/v1/products', 'name=x&active=maybe')).toEqual({
      status: 400,
      body: invalid('Invalid boolean: maybe (active).', 'active'),
    });
    expect(await form(m, '/v1/products', 'name=x&metadata=oops')).toEqual({
      status: 400,
      body: invalid('Invalid object: metadata must be a hash.', 'metadata'),
    });
    expect(await form(m, '/v1/products', 'name=x&images=https://e.com/a.png')).toEqual({
      status: 400,
      body: invalid('Invalid array: images must be an array.', 'images'),
    });
  });

  it('a missing required parameter → "Missing required param: <name>."', async () => {
    const m = await newMerchant();
    expect(await form(m, '/v1/products', 'description=nameless')).toEqual({
      status: 400,
      body: invalid('Missing required param: name.', 'name', 'parameter_missing'),
    });
    expect(await form(m, '/v1/prices', 'unit_amount=5&product_data[name]=x')).toEqual({
      status: 400,
      body: invalid('Missing required param: currency.', 'currency', 'parameter_missing'),
    });
    expect(await json(m, '/v1/products', {})).toEqual({
      status: 400,
      body: invalid('Missing required param: name.', 'name', 'parameter_missing'),
    });
    expect(await form(m, '/v1/products', '')).toEqual({
      status: 400,
      body: invalid('Missing required param: name.', 'name', 'parameter_missing'),
    });
  });

  it('a merchant filters a list with created[gte] and friends in the query string → only matching objects', async () => {
    const m = await newMerchant();
    const a = await m.stripe.products.create({ name: 'A' });
    const b = await m.stripe.products.create({ name: 'B' });
    const ids = async (qs: string) => {
      const r = await get<Stripe.ApiList<Stripe.Product>>(m, `/v1/products?${qs}`);
      expect(r.status).toBe(200);
      return r.body.data.map((p) => p.id);
    };
    expect(await ids(`created[gte]=${a.created}`)).toEqual([b.id, a.id]);
    expect(await ids(`created%5Blte%5D=${b.created}&limit=1`)).toEqual([b.id]);
    expect(await ids(`created[gt]=${b.created}`)).toEqual([]);
    expect(await ids(`created[lt]=${a.created}`)).toEqual([]);
    expect(await ids(`created=${a.created}&ids[]=${a.id}`)).toEqual([a.id]);
    expect(await get(m, '/v1/products?created[since]=1')).toEqual({
      status: 400,
      body: invalid('Received unknown parameter: created[since]', 'created[since]', 'parameter_unknown'),
    });
  });

  it('a limit outside 1..100 → 400 naming limit; the edges are accepted', async () => {
    const m = await newMerchant();
    expect(await get(m, '/v1/products?limit=0')).toEqual({
      status: 400,
      body: invalid('This value must be greater than or equal to 1 (limit).', 'limit'),
    });
    expect(await get(m, '/v1/products?limit=101')).toEqual({
      status: 400,
      body: invalid('This value must be less than or equal to 100 (limit).', 'limit'),
    });
    expect(await get(m, '/v1/prices?limit=-5')).toEqual({
      status: 400,
      body: invalid('This value must be greater than or equal to 1 (limit).', 'limit'),
    });
    expect(await get(m, '/v1/checkout/sessions?limit=ten')).toEqual({
      status: 400,
      body: invalid('Invalid integer: ten (limit).', 'limit', 'parameter_invalid_integer'),
    });
    expect((await get(m, '/v1/products?limit=1')).status).toBe(200);
    expect((await get(m, '/v1/products?limit=100')).status).toBe(200);
  });

  it("a merchant uses another merchant's ids → 404 resource_missing, nothing leaks", async () => {
    const owner = await newMerchant();
    const other = await newMerchant();
    const price = await owner.stripe.prices.create({ currency: 'usd', unit_amount: 300, product_data: { name: 'Secret' } });
    const session = await owner.stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://e.com',
      line_items: [{ price: price.id, quantity: 1 }],
    });
    const productId = typeof price.product === 'string' ? price.product : price.product.id;
    const missing = (kind: string, id: string, param = 'id') => invalid(`No such ${kind}: '${id}'`, param, 'resource_missing');
    expect(await get(other, `/v1/prices/${price.id}`)).toEqual({ status: 404, body: missing('price', price.id) });
    expect(await form(other, `/v1/products/${productId}`, 'name=stolen')).toEqual({
      status: 404,
      body: missing('product', productId),
    });
    expect(await get(other, `/v1/checkout/sessions/${session.id}`)).toEqual({ status: 404, body: missing('checkout.session', session.id) });
    expect(await get(other, `/v1/checkout/sessions/${session.id}/line_items`)).toEqual({
      status: 404,
      body: missing('checkout.session', session.id),
    });
    const reuse = await form(
      other,
      '/v1/checkout/sessions',
      `mode=payment&success_url=https://e.com&line_items[0][price]=${price.id}&line_items[0][quantity]=1`,
    );
    expect(reuse).toEqual({ status: 400, body: missing('price', price.id, 'line_items[0][price]') });
    expect((await get(other, `/v1/products?starting_after=${productId}`)).body).toEqual(missing('product', productId, 'starting_after'));
    expect((await owner.stripe.products.retrieve(productId)).name).toBe('Secret');
  });
});
