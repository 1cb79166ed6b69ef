import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant } from '../support/merchant';
import { form, get, json, type ErrorBody } from './raw-api';
import { defined } from '../support/defined';

// `{ __proto__: 'x' }` in a literal would set a prototype; JSON.parse makes the own key a merchant's code has.
const odd = () => JSON.parse('{"__proto__": "proto", "constructor": "ctor", "toString": "str"}') as Record<string, string>;
const keysOf = (o: object) => Object.keys(o).sort();

describe('metadata keys that name Object properties are ordinary keys, as Stripe stores them', () => {
  it('metadata[__proto__] is stored, read back, listed and unset like any key (products, prices, customers, sessions)', async () => {
    const { stripe } = await newMerchant();
    const product = await stripe.products.create({ name: 'Odd keys', metadata: odd() });
    expect(keysOf(product.metadata)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(product.metadata, '__proto__')?.value).toBe('proto');
    const read = await stripe.products.retrieve(product.id);
    expect(Object.getOwnPropertyDescriptor(read.metadata, '__proto__')?.value).toBe('proto');
    expect(Object.getOwnPropertyDescriptor((await stripe.products.list()).data[0].metadata, 'constructor')?.value).toBe('ctor');
    const unset = await stripe.products.update(product.id, { metadata: JSON.parse('{"__proto__": ""}') as Stripe.MetadataParam });
    expect(keysOf(unset.metadata)).toEqual(['constructor', 'toString']);

    const price = await stripe.prices.create({ product: product.id, unit_amount: 100, currency: 'usd', metadata: odd() });
    expect(keysOf(price.metadata)).toEqual(['__proto__', 'constructor', 'toString']);
    const customer = await stripe.customers.create({ metadata: odd() });
    expect(keysOf(((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).metadata)).toEqual([
      '__proto__',
      'constructor',
      'toString',
    ]);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
      metadata: odd(),
    });
    expect(keysOf(defined((await stripe.checkout.sessions.retrieve(session.id)).metadata, "the retrieved session's metadata"))).toEqual([
      '__proto__',
      'constructor',
      'toString',
    ]);
  });

  it('the same through a form body and a JSON body', async () => {
    const m = await newMerchant();
    const viaForm = await form<Stripe.Product>(m, '/v1/products', 'name=Form&metadata[__proto__]=x&metadata[0]=zero');
    expect(viaForm.status).toBe(200);
    expect(viaForm.body.metadata).toEqual(JSON.parse('{"__proto__": "x", "0": "zero"}') as Record<string, string>);
    const viaJson = await json<Stripe.Product>(m, '/v1/products', JSON.parse('{"name": "Json", "metadata": {"__proto__": "y"}}'));
    expect(Object.keys(viaJson.body.metadata)).toEqual(['__proto__']);
  });

  it('hashes aimed at a prototype are refused, and nothing leaks into later objects', async () => {
    const m = await newMerchant();
    const price = await oneTimePrice(m.stripe);
    for (const body of [
      'name=P&metadata[__proto__][polluted]=1',
      'name=P&__proto__[polluted]=1',
      'name=P&constructor[prototype][polluted]=1',
    ]) {
      const reply = await form<Partial<ErrorBody>>(m, '/v1/products', body);
      expect({ body, status: reply.status, type: reply.body.error?.type }).toEqual({ body, status: 400, type: 'invalid_request_error' });
    }
    const refused = await form(
      m,
      '/v1/prices',
      `product=${typeof price.product === 'string' ? price.product : price.product.id}&unit_amount=5&currency=usd&currency_options[__proto__][unit_amount]=1`,
    );
    expect(refused).toMatchObject({ status: 400, body: { error: { param: expect.stringContaining('currency_options') as unknown } } });
    const fresh = await form<Stripe.Product>(m, '/v1/products', 'name=Fresh');
    expect(fresh.body.metadata).toEqual({});
    const listed = await get<Stripe.ApiList<Stripe.Product>>(m, '/v1/products?limit=100');
    expect(JSON.stringify(listed.body)).not.toContain('polluted');
    expect(listed.body.data.map((p) => p.name)).toEqual(['Fresh', 'T-shirt']);
  });
});
