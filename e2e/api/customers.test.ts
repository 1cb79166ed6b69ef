import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';

type Create = Stripe.CustomerCreateParams;
// Values the SDK's types forbid, sent on purpose.
const loose = (p: Record<string, unknown>) => p as unknown as Create;
const looseUpdate = (p: Record<string, unknown>) => p as unknown as Stripe.CustomerUpdateParams;
const ids = (l: Stripe.ApiList<Stripe.Customer>) => l.data.map((c) => c.id);

const address = { line1: '1 Main St', line2: 'Apt 2', city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US' };

describe('customers through the official SDK', () => {
  it('merchant creates a customer with every supported parameter → sees the whole Stripe object, and the same on retrieve', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({
      email: 'jenny@example.com',
      name: 'Jenny Rosen',
      phone: '+15555550123',
      description: 'VIP',
      address,
      shipping: { name: 'Jenny at work', phone: '+15555550199', address: { line1: '2 Office Rd', city: 'Chicago', country: 'US' } },
      preferred_locales: ['en', 'fr-CA'],
      balance: -500,
      tax_exempt: 'none',
      validate: false,
      metadata: { crm: '42' },
    });
    expect(customer.id).toMatch(/^cus_[A-Za-z0-9]{24}$/);
    expect(customer).toEqual({
      id: customer.id,
      object: 'customer',
      address,
      balance: -500,
      created: expect.any(Number) as unknown,
      currency: null,
      customer_account: null,
      default_source: null,
      delinquent: false,
      description: 'VIP',
      discount: null,
      email: 'jenny@example.com',
      invoice_prefix: expect.stringMatching(/^[0-9A-F]{8}$/) as unknown,
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: { crm: '42' },
      name: 'Jenny Rosen',
      next_invoice_sequence: 1,
      phone: '+15555550123',
      preferred_locales: ['en', 'fr-CA'],
      shipping: {
        address: { line1: '2 Office Rd', line2: null, city: 'Chicago', state: null, postal_code: null, country: 'US' },
        carrier: null,
        name: 'Jenny at work',
        phone: '+15555550199',
        tracking_number: null,
      },
      tax_exempt: 'none',
      test_clock: null,
    });
    expect(Math.abs(customer.created - Date.now() / 1000)).toBeLessThan(60);
    expect(await stripe.customers.retrieve(customer.id)).toEqual(customer);
  });

  it('merchant creates a customer with no parameters → sees an empty customer', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    expect(customer).toMatchObject({
      address: null,
      balance: 0,
      description: null,
      email: null,
      metadata: {},
      name: null,
      phone: null,
      preferred_locales: [],
      shipping: null,
    });
  });

  it('merchant updates a customer → changed fields replace, metadata merges, empty values unset', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'old@example.com', name: 'Old', address, metadata: { a: '1', b: '2' } });
    const updated = await stripe.customers.update(customer.id, {
      email: 'new@example.com',
      address: { city: 'Paris', country: 'FR' },
      shipping: { name: 'Home', address: { line1: '3 Rue', country: 'FR' } },
      preferred_locales: ['fr'],
      balance: 250,
      metadata: { a: '', c: '3' },
    });
    expect(updated).toMatchObject({
      id: customer.id,
      email: 'new@example.com',
      name: 'Old',
      address: { city: 'Paris', country: 'FR', line1: null, line2: null, postal_code: null, state: null },
      shipping: { name: 'Home', phone: null, address: { line1: '3 Rue', country: 'FR' } },
      preferred_locales: ['fr'],
      balance: 250,
      metadata: { b: '2', c: '3' },
      created: customer.created,
      invoice_prefix: customer.invoice_prefix,
    });
    expect(await stripe.customers.retrieve(customer.id)).toEqual(updated);
    const cleared = await stripe.customers.update(
      customer.id,
      looseUpdate({ email: '', name: '', address: '', shipping: '', metadata: '' }),
    );
    expect(cleared).toMatchObject({ email: null, name: null, address: null, shipping: null, metadata: {} });
  });

  it('merchant deletes a customer → gets the deleted stub, retrieve answers 200 with it, and it leaves the list', async () => {
    const { stripe } = await newMerchant();
    const kept = await stripe.customers.create({ email: 'kept@example.com' });
    const gone = await stripe.customers.create({ email: 'gone@example.com' });
    expect(await stripe.customers.del(gone.id)).toEqual({ id: gone.id, object: 'customer', deleted: true });
    expect(await stripe.customers.retrieve(gone.id)).toEqual({ id: gone.id, object: 'customer', deleted: true });
    expect(ids(await stripe.customers.list())).toEqual([kept.id]);
    expect(ids(await stripe.customers.list({ email: 'gone@example.com' }))).toEqual([]);
    const update = await stripeError(stripe.customers.update(gone.id, { name: 'Back' }));
    expect(update).toMatchObject({ statusCode: 404, code: 'resource_missing', message: `No such customer: '${gone.id}'` });
    expect((await stripeError(stripe.customers.del(gone.id))).statusCode).toBe(404);
  });

  it('merchant lists customers → newest first, filtered by exact email and created, paged with cursors', async () => {
    const { stripe } = await newMerchant();
    const a = await stripe.customers.create({ email: 'a@example.com' });
    const b = await stripe.customers.create({ email: 'b@example.com' });
    const c = await stripe.customers.create({ email: 'a@example.com', name: 'Second A' });

    const all = await stripe.customers.list();
    expect(ids(all)).toEqual([c.id, b.id, a.id]);
    expect(all).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
    expect(ids(await stripe.customers.list({ email: 'a@example.com' }))).toEqual([c.id, a.id]);
    expect(ids(await stripe.customers.list({ email: 'A@example.com' }))).toEqual([]);
    expect(ids(await stripe.customers.list({ email: 'example.com' }))).toEqual([]);
    expect(ids(await stripe.customers.list({ created: { gte: a.created } }))).toEqual([c.id, b.id, a.id]);
    expect(ids(await stripe.customers.list({ created: a.created - 3600 }))).toEqual([]);

    const first = await stripe.customers.list({ limit: 2 });
    expect(ids(first)).toEqual([c.id, b.id]);
    expect(first.has_more).toBe(true);
    const second = await stripe.customers.list({ limit: 2, starting_after: b.id });
    expect(ids(second)).toEqual([a.id]);
    expect(second.has_more).toBe(false);
    expect(ids(await stripe.customers.list({ ending_before: a.id }))).toEqual([c.id, b.id]);
  });

  it('merchant sends bad input on create → a 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const cases: [Create, string, string?][] = [
      [loose({ emial: 'x@example.com' }), 'emial', 'parameter_unknown'],
      [loose({ email: 'not-an-email' }), 'email', 'email_invalid'],
      [loose({ email: 'two words@example.com' }), 'email', 'email_invalid'],
      [loose({ name: 'n'.repeat(257) }), 'name'],
      [loose({ phone: '1'.repeat(21) }), 'phone'],
      [loose({ balance: 'lots' }), 'balance', 'parameter_invalid_integer'],
      [loose({ address: { line1: '1 Main', planet: 'Mars' } }), 'address[planet]', 'parameter_unknown'],
      [loose({ address: 'Main street' }), 'address'],
      [loose({ shipping: { address } }), 'shipping[name]', 'parameter_missing'],
      [loose({ shipping: { name: 'Jenny' } }), 'shipping[address]', 'parameter_missing'],
      [loose({ preferred_locales: 'en' }), 'preferred_locales'],
      [loose({ tax_exempt: 'sometimes' }), 'tax_exempt'],
      [loose({ invoice_settings: { footer: 'Thanks' } }), 'invoice_settings[footer]', 'parameter_unknown'],
      [loose({ invoice_prefix: 'ABC' }), 'invoice_prefix', 'parameter_unknown'],
      [loose({ next_invoice_sequence: 5 }), 'next_invoice_sequence', 'parameter_unknown'],
      [loose({ tax: { ip_address: '1.2.3.4' } }), 'tax', 'parameter_unknown'],
      [loose({ tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }] }), 'tax_id_data[0][value]', 'tax_id_invalid'],
      [loose({ payment_method: 'pm_nope' }), 'payment_method', 'resource_missing'],
      [loose({ source: 'tok_visa' }), 'source', 'parameter_unknown'],
      [loose({ test_clock: 'clock_1' }), 'test_clock', 'resource_missing'],
      [loose({ cash_balance: { settings: { reconciliation_mode: 'manual' } } }), 'cash_balance', 'parameter_unknown'],
      [loose({ business_name: 'Acme' }), 'business_name', 'parameter_unknown'],
    ];
    // No code where Stripe gives none (a too-long string, an unknown enum value, a range).
    for (const [params, param, code] of cases) {
      const err = await stripeError(stripe.customers.create(params));
      expect({ status: err.statusCode, param: err.param, code: err.code }, JSON.stringify(params)).toEqual({ status: 400, param, code });
    }
    const unsupported = await stripeError(stripe.customers.create(loose({ invoice_settings: { footer: 'Thanks' } })));
    expect(unsupported.message).toMatch(/not supported/);
    const longKey = await stripeError(stripe.customers.create({ metadata: { ['k'.repeat(41)]: 'v' } }));
    expect(longKey).toMatchObject({ statusCode: 400, param: expect.stringMatching(/^metadata/) as unknown });
    expect((await stripe.customers.list()).data).toEqual([]);
  });

  it('merchant sends unsupported or bad parameters on update and list → a 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'jenny@example.com' });
    expect((await stripeError(stripe.customers.update(customer.id, { default_source: 'card_1' }))).param).toBe('default_source');
    expect((await stripeError(stripe.customers.update(customer.id, { email: 'nope' }))).param).toBe('email');
    expect(
      (await stripeError(stripe.customers.update(customer.id, looseUpdate({ tax_id_data: [{ type: 'eu_vat', value: 'DE1' }] })))).code,
    ).toBe('parameter_unknown');
    expect((await stripe.customers.list({ test_clock: 'clock_1' })).data).toEqual([]);
    expect((await stripeError(stripe.customers.list(loose({ name: 'Jenny' }) as Stripe.CustomerListParams))).param).toBe('name');
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ email: 'jenny@example.com' });
  });

  it('merchant sends a JSON body by hand → the customer is created the same way', async () => {
    const { stripe, secretKey } = await newMerchant();
    const res = await rawRequest('/v1/customers', {
      method: 'POST',
      key: secretKey,
      body: JSON.stringify({ email: 'json@example.com', address: { city: 'Berlin', country: 'DE' }, preferred_locales: ['de'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const customer = (await res.json()) as Stripe.Customer;
    expect(customer).toMatchObject({
      email: 'json@example.com',
      address: { city: 'Berlin', country: 'DE', line1: null },
      preferred_locales: ['de'],
    });
    expect(await stripe.customers.retrieve(customer.id)).toEqual(customer);
  });

  it("merchant asks for another merchant's customer → 404 resource_missing everywhere, and it is not listed", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const customer = await a.stripe.customers.create({ email: 'private@example.com' });
    expect(await stripeError(b.stripe.customers.retrieve(customer.id))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: `No such customer: '${customer.id}'`,
    });
    expect((await stripeError(b.stripe.customers.update(customer.id, { name: 'x' }))).statusCode).toBe(404);
    expect((await stripeError(b.stripe.customers.del(customer.id))).statusCode).toBe(404);
    expect((await b.stripe.customers.list({ email: 'private@example.com' })).data).toEqual([]);
    expect(await a.stripe.customers.retrieve(customer.id)).toMatchObject({ email: 'private@example.com' });
  });
});
