import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, testServerUrl } from '../support/merchant';
import { FORM, form, get, invalid, json, send } from './raw-api';

/** A product with its default price expanded. */
type ProductWithPrice = Omit<Stripe.Product, 'default_price'> & { default_price: Stripe.Price };
describe('form and JSON request bodies', () => {
  it('a merchant expands with expand[]=x or expand[0]=x, in a body or a query string → the same expanded object', async () => {
    const m = await newMerchant();
    const created = await form<ProductWithPrice>(
      m,
      '/v1/products',
      'name=Tee&default_price_data[currency]=usd&default_price_data[unit_amount]=1500&expand[]=default_price',
    );
    expect(created.status).toBe(200);
    expect(created.body.default_price).toMatchObject({ object: 'price', unit_amount: 1500, currency: 'usd', product: created.body.id });
    const byIndex = await form<ProductWithPrice>(m, `/v1/products/${created.body.id}`, 'expand[0]=default_price');
    expect(byIndex.body.default_price).toEqual(created.body.default_price);
    const inQuery = await get<ProductWithPrice>(m, `/v1/products/${created.body.id}?expand%5B%5D=default_price`);
    expect(inQuery.body.default_price).toEqual(created.body.default_price);
    const list = await get<Stripe.ApiList<ProductWithPrice>>(m, '/v1/products?expand[0]=data.default_price');
    expect(list.body.data[0].default_price).toEqual(created.body.default_price);
    const plain = await get<Stripe.Product>(m, `/v1/products/${created.body.id}`);
    expect(plain.body.default_price).toBe(created.body.default_price.id);
  });

  it('a merchant sends percent-encoded brackets → they nest like literal ones', async () => {
    const m = await newMerchant();
    const price = await m.stripe.prices.create({ currency: 'usd', unit_amount: 700, product_data: { name: 'Mug' } });
    const body = `line_items%5B0%5D%5Bprice%5D=${price.id}&line_items%5B0%5D%5Bquantity%5D=3&mode=payment&success_url=https%3A%2F%2Fexample.com%2Fok&metadata%5Border%5D=A-1`;
    const session = await form<Stripe.Checkout.Session>(m, '/v1/checkout/sessions', body);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      amount_subtotal: 2100,
      amount_total: 2100,
      currency: 'usd',
      metadata: { order: 'A-1' },
      success_url: 'https://example.com/ok',
    });
    const items = await get<Stripe.ApiList<Stripe.LineItem>>(m, `/v1/checkout/sessions/${session.body.id}/line_items`);
    expect(items.body.data.map((li) => [li.price?.id, li.quantity, li.amount_total])).toEqual([[price.id, 3, 2100]]);
  });

  it('a merchant updates metadata with metadata[k]= and metadata= → one key, then every key, is removed', async () => {
    const m = await newMerchant();
    const p = await form<Stripe.Product>(m, '/v1/products', 'name=Meta&metadata[a]=1&metadata[b]=2&metadata[c]=3&metadata[empty]=');
    expect(p.body.metadata).toEqual({ a: '1', b: '2', c: '3' });
    const one = await form<Stripe.Product>(m, `/v1/products/${p.body.id}`, 'metadata[a]=&metadata[d]=4');
    expect(one.body.metadata).toEqual({ b: '2', c: '3', d: '4' });
    const all = await form<Stripe.Product>(m, `/v1/products/${p.body.id}`, 'metadata=');
    expect(all.body.metadata).toEqual({});
    const replaced = await form<Stripe.Product>(m, `/v1/products/${p.body.id}`, 'metadata[x]=1&metadata[y]=2');
    expect(replaced.body.metadata).toEqual({ x: '1', y: '2' });
    expect((await m.stripe.products.retrieve(p.body.id)).metadata).toEqual({ x: '1', y: '2' });
  });

  it('a merchant sends application/json → the same objects as with a form body, null unsets', async () => {
    const m = await newMerchant();
    const viaJson = await json<ProductWithPrice>(m, '/v1/products', {
      name: 'Json',
      active: false,
      metadata: { a: '1', b: 2 },
      default_price_data: { currency: 'usd', unit_amount: 990 },
      expand: ['default_price'],
    });
    const viaForm = await form<ProductWithPrice>(
      m,
      '/v1/products',
      'name=Json&active=false&metadata[a]=1&metadata[b]=2&default_price_data[currency]=usd&default_price_data[unit_amount]=990&expand[0]=default_price',
    );
    expect(viaJson.status).toBe(200);
    const strip = (p: ProductWithPrice) => ({
      ...p,
      id: undefined,
      created: undefined,
      updated: undefined,
      default_price: { ...p.default_price, id: undefined, product: undefined, created: undefined },
    });
    expect(strip(viaJson.body)).toEqual(strip(viaForm.body));
    expect(viaJson.body).toMatchObject({ active: false, metadata: { a: '1', b: '2' }, default_price: { unit_amount: 990 } });
    const one = await json(m, `/v1/products/${viaJson.body.id}`, { metadata: { a: null, c: '3' }, description: 'Soft' });
    expect(one.body).toMatchObject({ metadata: { b: '2', c: '3' }, description: 'Soft' });
    const cleared = await send(
      m,
      'POST',
      `/v1/products/${viaJson.body.id}`,
      JSON.stringify({ metadata: null, description: null }),
      'application/json; charset=utf-8',
    );
    expect(cleared.body).toMatchObject({ metadata: {}, description: null });
  });

  it('a malformed JSON body or a non-object JSON body → 400', async () => {
    const m = await newMerchant();
    const bad = invalid('Invalid JSON received: the request body could not be parsed.');
    for (const body of ['{"name": "x"', '{name: "x"}', "{'name':'x'}", '{"name":"x"} trailing'])
      expect(await send(m, 'POST', '/v1/products', body, 'application/json')).toEqual({ status: 400, body: bad });
    for (const body of ['[]', '"name"', '42', 'null', 'true'])
      expect(await send(m, 'POST', '/v1/products', body, 'application/json')).toEqual({
        status: 400,
        body: invalid('Invalid JSON received: the body must be an object.'),
      });
  });

  it('an unsupported content type → 400 naming it', async () => {
    const m = await newMerchant();
    expect(await send(m, 'POST', '/v1/products', 'name=x', 'text/plain')).toEqual({
      status: 400,
      body: invalid('Invalid Content-Type: text/plain. Send application/x-www-form-urlencoded or application/json.'),
    });
    const multipart = await send(
      m,
      'POST',
      '/v1/products',
      '--b\r\ncontent-disposition: form-data; name="name"\r\n\r\nx\r\n--b--',
      'multipart/form-data; boundary=b',
    );
    expect(multipart).toEqual({
      status: 400,
      body: invalid('Invalid Content-Type: multipart/form-data. Send application/x-www-form-urlencoded or application/json.'),
    });
    expect((await m.stripe.products.list()).data).toEqual([]);
  });

  it('a body over 1 MB → 413, with or without a Content-Length; just under is read and validated', async () => {
    const m = await newMerchant();
    const tooLarge = { status: 413, body: invalid('Request bodies are limited to 1048576 bytes.') };
    const big = `name=${'x'.repeat(1024 * 1024)}`;
    expect(await form(m, '/v1/products', big)).toEqual(tooLarge);
    const chunk = new TextEncoder().encode(`description=${'y'.repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const chunked = await fetch(`${testServerUrl()}/v1/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${m.secretKey}`, 'content-type': FORM },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect({ status: chunked.status, body: (await chunked.json()) as unknown }).toEqual(tooLarge);
    const underLimit = `name=Small&description=${'z'.repeat(1024 * 1024 - 64)}`;
    expect(await form(m, '/v1/products', underLimit)).toEqual({
      status: 400,
      body: invalid('Must be at most 40000 characters (description).', 'description'),
    });
    expect((await m.stripe.products.list()).data).toEqual([]);
  });
});
