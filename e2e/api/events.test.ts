import { createServer, type Server } from 'node:http';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';
import { payWithoutJavaScript } from './pay-without-javascript';
import { defined } from '../support/defined';

const API_VERSION = '2026-10-28.endive';
const EXTRA_FIELDS = ['account', 'context'];

// A receiver that always answers 503: deliveries to it stay pending (retried later), whatever the worker does meanwhile.
let receiver: Server;
let hookUrl = '';
beforeAll(async () => {
  receiver = createServer((_req, res) => res.writeHead(503).end());
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      receiver.close(() => {
        resolve();
      });
    }),
);

const types = (list: { data: Stripe.Event[] }) => list.data.map((e) => e.type);

describe('events through the official SDK', () => {
  it('creates a product → product.created carries the product as retrieved, the request id and the idempotency key', async () => {
    const { stripe, secretKey } = await newMerchant();
    const res = await rawRequest('/v1/products', {
      method: 'POST',
      key: secretKey,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'create-tee-1' },
      body: 'name=Tee&metadata[sku]=TS-1',
    });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('request-id');
    expect(requestId).toMatch(/^req_/);
    const { id } = (await res.json()) as { id: string };
    const product = await stripe.products.retrieve(id);

    const list = await stripe.events.list();
    expect(list).toMatchObject({ object: 'list', has_more: false, url: '/v1/events' });
    expect(list.data).toHaveLength(1);
    const [event] = list.data;
    expect(event).toEqual({
      id: expect.stringMatching(/^evt_[A-Za-z0-9]{24}$/) as unknown,
      object: 'event',
      api_version: API_VERSION,
      created: product.created,
      data: { object: JSON.parse(JSON.stringify(product)) as unknown },
      livemode: false,
      pending_webhooks: 0,
      request: { id: requestId, idempotency_key: 'create-tee-1' },
      type: 'product.created',
    });
    expect(Object.keys(event).filter((k) => EXTRA_FIELDS.includes(k))).toEqual([]);
    expect(await stripe.events.retrieve(event.id)).toEqual(event);
  });

  it("updates a product → product.updated with the changed fields' previous values", async () => {
    const { stripe } = await newMerchant();
    const product = await stripe.products.create({ name: 'Tee', metadata: { sku: 'TS-1' } });
    const updated = await stripe.products.update(product.id, { name: 'T-shirt', metadata: { color: 'blue' } });
    const [event] = (await stripe.events.list({ type: 'product.updated' })).data;
    expect(event.data.object).toEqual(JSON.parse(JSON.stringify(updated)));
    const previous = event.data.previous_attributes as Record<string, unknown>;
    expect(previous).toMatchObject({ name: 'Tee', metadata: { sku: 'TS-1' } });
    expect(
      Object.keys(previous)
        .filter((k) => k !== 'updated')
        .sort(),
    ).toEqual(['metadata', 'name']);
    expect(event.request).toEqual({ id: updated.lastResponse.requestId, idempotency_key: updated.lastResponse.idempotencyKey ?? null });
    const created = (await stripe.events.list({ type: 'product.created' })).data[0];
    expect('previous_attributes' in created.data).toBe(false);
  });

  it('filters by type, a trailing * wildcard, types[] and created; pages newest first', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    await stripe.products.update(price.product as string, { description: 'Organic' });
    await stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: false });
    await stripe.coupons.create({ percent_off: 10 });

    const all = await stripe.events.list();
    expect(types(all)).toEqual(['coupon.created', 'tax_rate.created', 'product.updated', 'price.created', 'product.created']);
    expect(types(await stripe.events.list({ type: 'product.created' }))).toEqual(['product.created']);
    expect(types(await stripe.events.list({ type: 'product.*' }))).toEqual(['product.updated', 'product.created']);
    expect(types(await stripe.events.list({ type: 'tax_rate.*' }))).toEqual(['tax_rate.created']);
    // `_` is a literal underscore, not LIKE's any-character.
    expect(types(await stripe.events.list({ type: 'tax_rat_.*' }))).toEqual([]);
    expect(types(await stripe.events.list({ type: '*' }))).toHaveLength(5);
    expect(types(await stripe.events.list({ type: 'invoice.paid' }))).toEqual([]);
    expect(types(await stripe.events.list({ types: ['price.created', 'coupon.created'] }))).toEqual(['coupon.created', 'price.created']);

    const first = all.data[4];
    expect((await stripe.events.list({ created: first.created })).data.map((e) => e.id)).toContain(first.id);
    expect(types(await stripe.events.list({ created: { gte: first.created } }))).toHaveLength(5);
    expect(types(await stripe.events.list({ created: { lt: first.created } }))).toEqual([]);
    expect(types(await stripe.events.list({ created: { gt: first.created + 60 } }))).toEqual([]);

    const page = await stripe.events.list({ limit: 2 });
    expect(page.data.map((e) => e.id)).toEqual(all.data.slice(0, 2).map((e) => e.id));
    expect(page.has_more).toBe(true);
    const next = await stripe.events.list({ limit: 2, starting_after: page.data[1].id });
    expect(next.data.map((e) => e.id)).toEqual(all.data.slice(2, 4).map((e) => e.id));
    const back = await stripe.events.list({ ending_before: all.data[3].id, limit: 2 });
    expect(back.data.map((e) => e.id)).toEqual(all.data.slice(1, 3).map((e) => e.id));
    const seen: string[] = [];
    for await (const e of stripe.events.list({ limit: 2 })) seen.push(e.id);
    expect(seen).toEqual(all.data.map((e) => e.id));
  });

  it('refuses bad list and retrieve params with a 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const bad = async (params: Stripe.EventListParams, param: string, message: RegExp) => {
      const err = await stripeError(stripe.events.list(params));
      expect(err).toMatchObject({ statusCode: 400, param });
      expect(err.message).toMatch(message);
    };
    await bad({ delivery_success: true }, 'delivery_success', /delivery_success is not supported/);
    await bad({ type: 'checkout.*.completed' }, 'type', /wildcard/);
    await bad({ type: 'product.created', types: ['price.created'] }, 'types', /either type or types/);
    await bad({ types: Array.from({ length: 21 }, () => 'product.created') }, 'types', /at most 20/);
    await bad({ limit: 101 }, 'limit', /less than or equal to 100/);
    await bad({ starting_after: 'evt_nope' }, 'starting_after', /No such event: 'evt_nope'/);
    await bad({ colour: 'red' } as Stripe.EventListParams, 'colour', /Received unknown parameter: colour/);
    expect(await stripeError(stripe.events.retrieve('evt_nope'))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such event: 'evt_nope'",
    });
    await stripe.products.create({ name: 'Tee' });
    const [event] = (await stripe.events.list()).data;
    expect(await stripeError(stripe.events.retrieve(event.id, { expand: ['type'] }))).toMatchObject({
      statusCode: 400,
      param: 'expand',
      message: 'This property cannot be expanded (type).',
    });
  });

  it('shows a merchant only their own events', async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    await a.stripe.products.create({ name: 'Private' });
    const [event] = (await a.stripe.events.list()).data;
    expect((await b.stripe.events.list()).data).toEqual([]);
    expect(await stripeError(b.stripe.events.retrieve(event.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(await stripeError(b.stripe.events.list({ starting_after: event.id }))).toMatchObject({
      statusCode: 400,
      param: 'starting_after',
    });
  });

  it('an endpoint for checkout.session.completed only → pending_webhooks 1 on that event, 0 on the others', async () => {
    const { stripe } = await newMerchant();
    const before = await stripe.products.create({ name: 'Before the endpoint' });
    await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ['checkout.session.completed'] });
    const price = await oneTimePrice(stripe);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    await payWithoutJavaScript(defined(session.url, 'session.url'));
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');

    const events = (await stripe.events.list()).data;
    expect(events.map((e) => [e.type, e.pending_webhooks])).toEqual([
      ['checkout.session.completed', 1],
      ['payment_intent.succeeded', 0],
      ['charge.succeeded', 0],
      ['price.created', 0],
      ['product.created', 0],
      ['product.created', 0],
    ]);
    const completed = events[0];
    expect(completed.request).toEqual({ id: null, idempotency_key: null });
    expect((completed.data.object as { id: string }).id).toBe(session.id);
    expect((await stripe.events.retrieve(completed.id)).pending_webhooks).toBe(1);
    expect((events[5].data.object as { id: string }).id).toBe(before.id);
  });

  it("an endpoint for '*' gets every later event; a disabled or deleted one gets none", async () => {
    const { stripe } = await newMerchant();
    const all = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ['*'] });
    const off = await stripe.webhookEndpoints.create({ url: hookUrl, enabled_events: ['*', 'product.created'] });
    await stripe.webhookEndpoints.update(off.id, { disabled: true });
    await stripe.products.create({ name: 'Seen by one' });
    await stripe.webhookEndpoints.update(off.id, { disabled: false });
    await stripe.products.create({ name: 'Seen by two' });
    const pendingBefore = (await stripe.events.list()).data.map((e) => e.pending_webhooks);
    expect(pendingBefore).toEqual([2, 1]);

    // Deleting an endpoint gives up what it had not received yet.
    await stripe.webhookEndpoints.del(all.id);
    await stripe.webhookEndpoints.del(off.id);
    await stripe.customers.create({ email: 'late@example.com' });
    expect((await stripe.events.list()).data.map((e) => [e.type, e.pending_webhooks])).toEqual([
      ['customer.created', 0],
      ['product.created', 0],
      ['product.created', 0],
    ]);
  });
});
