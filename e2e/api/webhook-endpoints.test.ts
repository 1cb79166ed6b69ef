import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';

const URL_ = 'https://shop.example/stripe/webhooks';
const SECRET = /^whsec_[A-Za-z0-9]{32}$/;

describe('webhook endpoints through the official SDK', () => {
  it('creates an endpoint with every param → the Stripe object, with the signing secret shown this once', async () => {
    const { stripe } = await newMerchant();
    const created = await stripe.webhookEndpoints.create({
      url: URL_,
      enabled_events: ['checkout.session.completed', 'checkout.session.expired', 'checkout.session.completed'],
      description: 'Fulfilment',
      metadata: { team: 'ops', empty: '' },
      api_version: '2026-10-28.endive',
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^we_[A-Za-z0-9]{24}$/) as unknown,
      object: 'webhook_endpoint',
      api_version: '2026-10-28.endive',
      application: null,
      created: expect.any(Number) as unknown,
      description: 'Fulfilment',
      enabled_events: ['checkout.session.completed', 'checkout.session.expired'],
      livemode: false,
      metadata: { team: 'ops' },
      secret: expect.stringMatching(SECRET) as unknown,
      status: 'enabled',
      url: URL_,
    });
    expect(Math.abs(created.created - Date.now() / 1000)).toBeLessThan(60);

    const { secret: _secret, ...withoutSecret } = created;
    const fetched = await stripe.webhookEndpoints.retrieve(created.id);
    expect(fetched).toEqual(withoutSecret);
    expect('secret' in fetched).toBe(false);
    const listed = await stripe.webhookEndpoints.list();
    expect(listed.data).toEqual([withoutSecret]);
  });

  it('creates with only url and enabled_events → api_version and description null, no metadata', async () => {
    const { stripe } = await newMerchant();
    const created = await stripe.webhookEndpoints.create({ url: 'http://localhost:4242/hooks', enabled_events: ['*'] });
    expect(created).toMatchObject({
      api_version: null,
      description: null,
      metadata: {},
      enabled_events: ['*'],
      status: 'enabled',
      url: 'http://localhost:4242/hooks',
    });
  });

  it("accepts Stripe's documented event types Caisse does not emit, and Caisse's own shipping_rate.*", async () => {
    const { stripe } = await newMerchant();
    const created = await stripe.webhookEndpoints.create({
      url: URL_,
      enabled_events: ['invoice.paid', 'charge.refunded', 'shipping_rate.created' as 'invoice.paid'],
    });
    expect(created.enabled_events).toEqual(['invoice.paid', 'charge.refunded', 'shipping_rate.created']);
  });

  it('updates url, enabled_events, description and metadata; disables and re-enables', async () => {
    const { stripe } = await newMerchant();
    const created = await stripe.webhookEndpoints.create({
      url: URL_,
      enabled_events: ['*'],
      description: 'All',
      metadata: { a: '1', b: '2' },
    });
    const updated = await stripe.webhookEndpoints.update(created.id, {
      url: 'https://shop.example/v2/hooks',
      enabled_events: ['product.created', 'product.updated'],
      description: '',
      metadata: { a: '', c: '3' },
    });
    expect(updated).toMatchObject({
      url: 'https://shop.example/v2/hooks',
      enabled_events: ['product.created', 'product.updated'],
      description: null,
      metadata: { b: '2', c: '3' },
      status: 'enabled',
    });
    expect('secret' in updated).toBe(false);

    expect((await stripe.webhookEndpoints.update(created.id, { disabled: true })).status).toBe('disabled');
    expect((await stripe.webhookEndpoints.retrieve(created.id)).status).toBe('disabled');
    expect((await stripe.webhookEndpoints.update(created.id, { disabled: false })).status).toBe('enabled');
    expect((await stripe.webhookEndpoints.update(created.id, { metadata: '' })).metadata).toEqual({});
  });

  it('lists newest first with limit, starting_after and ending_before; deleted endpoints are left out', async () => {
    const { stripe } = await newMerchant();
    const first = await stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] });
    const second = await stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] });
    const third = await stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] });
    const page = await stripe.webhookEndpoints.list({ limit: 2 });
    expect(page.data.map((e) => e.id)).toEqual([third.id, second.id]);
    expect(page.has_more).toBe(true);
    const next = await stripe.webhookEndpoints.list({ limit: 2, starting_after: second.id });
    expect(next.data.map((e) => e.id)).toEqual([first.id]);
    expect(next.has_more).toBe(false);
    expect((await stripe.webhookEndpoints.list({ ending_before: first.id })).data.map((e) => e.id)).toEqual([third.id, second.id]);
    await stripe.webhookEndpoints.del(second.id);
    expect((await stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([third.id, first.id]);
  });

  it('deletes an endpoint → the deleted stub, then 404 on retrieve, update, delete and roll', async () => {
    const { stripe, secretKey } = await newMerchant();
    const created = await stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] });
    expect(await stripe.webhookEndpoints.del(created.id)).toEqual({ id: created.id, object: 'webhook_endpoint', deleted: true });
    const err = await stripeError(stripe.webhookEndpoints.retrieve(created.id));
    expect(err).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: `No such webhook endpoint: '${created.id}'`,
    });
    expect((await stripeError(stripe.webhookEndpoints.update(created.id, { description: 'x' }))).statusCode).toBe(404);
    expect((await stripeError(stripe.webhookEndpoints.del(created.id))).statusCode).toBe(404);
    const roll = await rawRequest(`/v1/webhook_endpoints/${created.id}/roll_secret`, { method: 'POST', key: secretKey });
    expect(roll.status).toBe(404);
  });

  it('rolls the secret (Caisse extension) → a new secret shown once; the endpoint is otherwise unchanged', async () => {
    const { stripe, secretKey } = await newMerchant();
    const created = await stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'], description: 'Rolled' });
    const roll = (expiresIn?: string) =>
      rawRequest(`/v1/webhook_endpoints/${created.id}/roll_secret`, {
        method: 'POST',
        key: secretKey,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: expiresIn === undefined ? '' : `expires_in=${expiresIn}`,
      });
    const res = await roll('3600');
    expect(res.status).toBe(200);
    const rolled = (await res.json()) as Record<string, unknown>;
    const { secret, ...rest } = rolled;
    expect(secret).toMatch(SECRET);
    expect(secret).not.toBe(created.secret);
    const { secret: _old, ...createdRest } = created;
    expect(rest).toEqual(createdRest);
    expect('secret' in (await stripe.webhookEndpoints.retrieve(created.id))).toBe(false);

    const again = (await (await roll()).json()) as { secret: string };
    expect(again.secret).toMatch(SECRET);
    expect([created.secret, secret]).not.toContain(again.secret);
    expect((await roll('0')).status).toBe(200);

    for (const bad of ['-1', '604801', 'soon']) {
      const r = await roll(bad);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { param: string } }).error.param).toBe('expires_in');
    }
  });

  it('refuses bad input with a 400 naming the parameter', async () => {
    const { stripe, secretKey } = await newMerchant();
    const bad = async (params: object, param: string, message?: RegExp) => {
      const err = await stripeError(stripe.webhookEndpoints.create(params as never));
      expect(err.statusCode).toBe(400);
      expect(err.param).toBe(param);
      if (message) expect(err.message).toMatch(message);
    };
    await bad({ enabled_events: ['*'] }, 'url', /Missing required param: url/);
    await bad({ url: URL_ }, 'enabled_events', /Missing required param: enabled_events/);
    await bad({ url: 'ftp://shop.example/hooks', enabled_events: ['*'] }, 'url', /Not a valid URL/);
    await bad({ url: 'not a url', enabled_events: ['*'] }, 'url');
    await bad(
      { url: URL_, enabled_events: ['checkout.session.complete'] },
      'enabled_events[0]',
      /Unknown event type: 'checkout.session.complete'/,
    );
    await bad({ url: URL_, enabled_events: ['*', 'product.*'] }, 'enabled_events[1]', /Unknown event type/);
    await bad({ url: URL_, enabled_events: ['*'], api_version: '2020-08-27' }, 'api_version', /2026-10-28.endive/);
    await bad({ url: URL_, enabled_events: ['*'], connect: true }, 'connect', /connect is not supported/);
    await bad({ url: URL_, enabled_events: ['*'], disabled: true }, 'disabled', /Received unknown parameter: disabled/);
    await bad({ url: URL_, enabled_events: ['*'], expand: ['application'] }, 'expand', /cannot be expanded/);

    const created = await stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'], connect: false });
    const upd = async (params: object, param: string) => {
      const err = await stripeError(stripe.webhookEndpoints.update(created.id, params));
      expect(err).toMatchObject({ statusCode: 400, param });
    };
    await upd({ disabled: 'maybe' }, 'disabled');
    const emptied = await rawRequest(`/v1/webhook_endpoints/${created.id}`, {
      method: 'POST',
      key: secretKey,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'enabled_events=',
    });
    expect(emptied.status).toBe(400);
    expect(((await emptied.json()) as { error: { param: string } }).error.param).toBe('enabled_events');
    const none = await rawRequest(`/v1/webhook_endpoints/${created.id}`, {
      method: 'POST',
      key: secretKey,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled_events: [] }),
    });
    expect(await none.json()).toMatchObject({
      error: { param: 'enabled_events', message: 'enabled_events must have at least 1 item(s).' },
    });
    await upd({ url: 'mailto:ops@shop.example' }, 'url');
    await upd({ secret: 'whsec_mine' }, 'secret');
    expect((await stripe.webhookEndpoints.list()).data).toHaveLength(1);
  });

  it('caps an account at 16 endpoints', async () => {
    const { stripe } = await newMerchant();
    const made = await Promise.all(Array.from({ length: 16 }, () => stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] })));
    const err = await stripeError(stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] }));
    expect(err).toMatchObject({ statusCode: 400, message: expect.stringMatching(/maximum of 16 webhook endpoints/) as unknown });
    await stripe.webhookEndpoints.del(made[0].id);
    await stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] });
  });

  it("hides one merchant's endpoints from another", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const endpoint = await a.stripe.webhookEndpoints.create({ url: URL_, enabled_events: ['*'] });
    expect(await stripeError(b.stripe.webhookEndpoints.retrieve(endpoint.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect((await stripeError(b.stripe.webhookEndpoints.update(endpoint.id, { disabled: true }))).statusCode).toBe(404);
    expect((await stripeError(b.stripe.webhookEndpoints.del(endpoint.id))).statusCode).toBe(404);
    expect((await rawRequest(`/v1/webhook_endpoints/${endpoint.id}/roll_secret`, { method: 'POST', key: b.secretKey })).status).toBe(404);
    expect((await b.stripe.webhookEndpoints.list()).data).toEqual([]);
    expect((await a.stripe.webhookEndpoints.retrieve(endpoint.id)).status).toBe('enabled');
  });
});
