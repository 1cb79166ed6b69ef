import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import { sdkFields, shapeGaps } from './sdk-fields';

// Values the SDK's types forbid, sent on purpose.
const looseTaxId = (p: Record<string, unknown>) => p as unknown as Stripe.CustomerCreateTaxIdParams;
const ids = (l: { data: { id: string }[] }) => l.data.map((t) => t.id);
const NOT_VERIFIED = { status: 'unavailable', verified_address: null, verified_name: null };

describe('customer tax IDs through the official SDK', () => {
  it('merchant adds a German VAT number typed with spaces → the whole Stripe TaxId, stored compact, country DE, the same on retrieve', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ name: 'Muster GmbH' });
    const taxId = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE 136 695 976' });
    expect(taxId.id).toMatch(/^txi_[A-Za-z0-9]{24}$/);
    expect(taxId).toEqual({
      id: taxId.id,
      object: 'tax_id',
      country: 'DE',
      created: expect.any(Number) as unknown,
      customer: customer.id,
      customer_account: null,
      livemode: false,
      owner: { customer: customer.id, customer_account: null, type: 'customer' },
      type: 'eu_vat',
      value: 'DE136695976',
      verification: NOT_VERIFIED,
    });
    expect(Math.abs(taxId.created - Date.now() / 1000)).toBeLessThan(60);
    expect(shapeGaps(taxId, sdkFields('TaxIds', ['TaxId']))).toEqual({ missing: [], unknown: [] });
    expect(await stripe.customers.retrieveTaxId(customer.id, taxId.id)).toEqual(taxId);
  });

  it("each type keeps its format's written form and country: UK VAT, Australian ABN, Greek (EL) and Northern Irish (XI) EU VAT, a type without a format", async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    const add = (type: Stripe.CustomerCreateTaxIdParams.Type, value: string) => stripe.customers.createTaxId(customer.id, { type, value });
    expect(await add('gb_vat', 'GB 980 7806 84')).toMatchObject({ type: 'gb_vat', value: 'GB980780684', country: 'GB' });
    expect(await add('au_abn', '51 824 753 556')).toMatchObject({ type: 'au_abn', value: '51824753556', country: 'AU' });
    expect(await add('eu_vat', 'EL094259216')).toMatchObject({ type: 'eu_vat', value: 'EL094259216', country: 'GR' });
    expect(await add('eu_vat', 'xi 980 7806 84')).toMatchObject({ type: 'eu_vat', value: 'XI980780684', country: 'GB' });
    // Caisse has no format for Bolivia's: taken as typed, trimmed and upper-cased.
    expect(await add('bo_tin', ' 1023456abc ')).toMatchObject({ type: 'bo_tin', value: '1023456ABC', country: 'BO' });
  });

  it('merchant lists a customer’s tax IDs → newest first, only that customer’s, paged with cursors', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    const other = await stripe.customers.create();
    await stripe.customers.createTaxId(other.id, { type: 'eu_vat', value: 'DE136695976' });
    const a = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' });
    const b = await stripe.customers.createTaxId(customer.id, { type: 'gb_vat', value: 'GB980780684' });
    const c = await stripe.customers.createTaxId(customer.id, { type: 'au_abn', value: '51824753556' });

    const all = await stripe.customers.listTaxIds(customer.id);
    expect(all).toMatchObject({ object: 'list', has_more: false, url: `/v1/customers/${customer.id}/tax_ids` });
    expect(all.data).toEqual([c, b, a]);
    const first = await stripe.customers.listTaxIds(customer.id, { limit: 2 });
    expect({ ids: ids(first), more: first.has_more }).toEqual({ ids: [c.id, b.id], more: true });
    const next = await stripe.customers.listTaxIds(customer.id, { limit: 2, starting_after: b.id });
    expect({ ids: ids(next), more: next.has_more }).toEqual({ ids: [a.id], more: false });
    expect(ids(await stripe.customers.listTaxIds(customer.id, { ending_before: a.id }))).toEqual([c.id, b.id]);
    expect((await stripe.customers.listTaxIds(customer.id).autoPagingToArray({ limit: 10 })).map((t) => t.id)).toEqual([c.id, b.id, a.id]);
  });

  it('merchant deletes a tax ID → the deleted stub; it is gone from retrieve (404) and the list, and deleting again is a 404', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    const kept = await stripe.customers.createTaxId(customer.id, { type: 'gb_vat', value: 'GB980780684' });
    const gone = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' });
    const deleted = await stripe.customers.deleteTaxId(customer.id, gone.id);
    expect(deleted).toEqual({ id: gone.id, object: 'tax_id', deleted: true });
    expect(shapeGaps(deleted, sdkFields('TaxIds', ['DeletedTaxId']))).toEqual({ missing: [], unknown: [] });
    expect(await stripeError(stripe.customers.retrieveTaxId(customer.id, gone.id))).toMatchObject({
      statusCode: 404,
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      message: `No such tax_id: '${gone.id}'`,
    });
    expect((await stripeError(stripe.customers.deleteTaxId(customer.id, gone.id))).statusCode).toBe(404);
    expect(ids(await stripe.customers.listTaxIds(customer.id))).toEqual([kept.id]);
    // The same number can be added again once deleted.
    expect(await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' })).toMatchObject({
      value: 'DE136695976',
    });
  });

  it('a wrong check digit → 400 tax_id_invalid on value, "Invalid value for eu_vat.", and nothing is stored', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    const err = await stripeError(stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695978' }));
    expect({ status: err.statusCode, type: err.type, code: err.code, param: err.param, message: err.message }).toEqual({
      status: 400,
      type: 'StripeInvalidRequestError',
      code: 'tax_id_invalid',
      param: 'value',
      message: 'Invalid value for eu_vat.',
    });
    const gb = await stripeError(stripe.customers.createTaxId(customer.id, { type: 'gb_vat', value: 'GB980780685' }));
    expect({ code: gb.code, message: gb.message }).toEqual({ code: 'tax_id_invalid', message: 'Invalid value for gb_vat.' });
    // A type without a format still needs a value.
    expect((await stripeError(stripe.customers.createTaxId(customer.id, { type: 'bo_tin', value: '   ' }))).code).toBe('tax_id_invalid');
    expect((await stripe.customers.listTaxIds(customer.id)).data).toEqual([]);
    expect((await stripe.events.list({ type: 'customer.tax_id.created' })).data).toEqual([]);
  });

  it('a type Stripe does not have, `unknown`, a missing or empty value, an unknown parameter → 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ type: 'xx_vat', value: 'DE136695976' }, 'type', undefined],
      [{ type: 'unknown', value: 'DE136695976' }, 'type', undefined],
      [{ value: 'DE136695976' }, 'type', 'parameter_missing'],
      [{ type: 'eu_vat' }, 'value', 'parameter_missing'],
      [{ type: 'eu_vat', value: '' }, 'value', 'parameter_invalid_empty'],
      [{ type: 'eu_vat', value: 'DE136695976', owner: { type: 'self' } }, 'owner', 'parameter_unknown'],
    ];
    for (const [params, param, code] of cases) {
      const err = await stripeError(stripe.customers.createTaxId(customer.id, looseTaxId(params)));
      expect({ status: err.statusCode, type: err.type, param: err.param, code: err.code }, JSON.stringify(params)).toEqual({
        status: 400,
        type: 'StripeInvalidRequestError',
        param,
        code,
      });
    }
    expect((await stripe.customers.listTaxIds(customer.id)).data).toEqual([]);
  });

  it('the same number twice → refused, the first one kept; at most 25 tax IDs per customer', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    const first = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' });
    const twice = await stripeError(stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'de 136695976' }));
    expect({ status: twice.statusCode, type: twice.type, message: twice.message }).toEqual({
      status: 400,
      type: 'StripeInvalidRequestError',
      message: 'A tax ID with the specified value and type already exists for this customer.',
    });
    expect(ids(await stripe.customers.listTaxIds(customer.id))).toEqual([first.id]);

    for (let i = 1; i < 25; i++) await stripe.customers.createTaxId(customer.id, { type: 'bo_tin', value: `100000${String(i)}` });
    const tooMany = await stripeError(stripe.customers.createTaxId(customer.id, { type: 'bo_tin', value: '2000000' }));
    expect({ status: tooMany.statusCode, type: tooMany.type }).toEqual({ status: 400, type: 'StripeInvalidRequestError' });
    expect(tooMany.message).toMatch(/at most 25 tax IDs/);
    expect((await stripe.customers.listTaxIds(customer.id, { limit: 100 })).data).toHaveLength(25);
  });

  it("another account can neither read, list nor delete a merchant's tax IDs; another customer's tax ID is not this one's", async () => {
    const a = await newMerchant('Shop A');
    const b = await newMerchant('Shop B');
    const customer = await a.stripe.customers.create();
    const taxId = await a.stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' });
    const theirs = await b.stripe.customers.create();

    // One call at a time: each is made only when its refusal is awaited.
    for (const call of [
      () => b.stripe.customers.retrieveTaxId(customer.id, taxId.id),
      () => b.stripe.customers.deleteTaxId(customer.id, taxId.id),
      () => b.stripe.customers.listTaxIds(customer.id),
      () => b.stripe.customers.createTaxId(customer.id, { type: 'gb_vat', value: 'GB980780684' }),
    ])
      expect(await stripeError(call())).toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
        message: `No such customer: '${customer.id}'`,
      });
    for (const call of [
      () => b.stripe.customers.retrieveTaxId(theirs.id, taxId.id),
      () => b.stripe.customers.deleteTaxId(theirs.id, taxId.id),
    ])
      expect(await stripeError(call())).toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
        message: `No such tax_id: '${taxId.id}'`,
      });

    const sibling = await a.stripe.customers.create();
    expect((await stripeError(a.stripe.customers.retrieveTaxId(sibling.id, taxId.id))).statusCode).toBe(404);
    expect((await stripeError(a.stripe.customers.deleteTaxId(sibling.id, taxId.id))).statusCode).toBe(404);
    expect(await a.stripe.customers.retrieveTaxId(customer.id, taxId.id)).toEqual(taxId);
  });

  it('customers.create with tax_id_data → the tax IDs made with it, shown by expand[]=tax_ids on create, retrieve and list', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({
      name: 'Muster GmbH',
      tax_id_data: [
        { type: 'eu_vat', value: 'DE 136 695 976' },
        { type: 'gb_vat', value: 'GB980780684' },
        { type: 'eu_vat', value: 'DE136695976' }, // the same number again: kept once
      ],
      expand: ['tax_ids'],
    });
    const taxIds = customer.tax_ids?.data ?? [];
    expect(taxIds.map((t) => [t.type, t.value, t.country, t.customer])).toEqual([
      ['gb_vat', 'GB980780684', 'GB', customer.id],
      ['eu_vat', 'DE136695976', 'DE', customer.id],
    ]);
    expect(customer.tax_ids).toMatchObject({ object: 'list', has_more: false, url: `/v1/customers/${customer.id}/tax_ids` });

    const retrieved = await stripe.customers.retrieve(customer.id, { expand: ['tax_ids'] });
    expect(retrieved).toEqual(customer);
    expect('tax_ids' in (await stripe.customers.retrieve(customer.id))).toBe(false);
    const listed = await stripe.customers.list({ expand: ['data.tax_ids'] });
    expect(listed.data.map((c) => c.tax_ids?.data.map((t) => t.id))).toEqual([taxIds.map((t) => t.id)]);
    expect((await stripe.customers.listTaxIds(customer.id)).data).toEqual(taxIds);
  });

  it('customers.create with an invalid tax_id_data value → tax_id_invalid naming the item, and no customer is made', async () => {
    const { stripe } = await newMerchant();
    const err = await stripeError(
      stripe.customers.create({
        email: 'jenny@example.com',
        tax_id_data: [
          { type: 'gb_vat', value: 'GB980780684' },
          { type: 'eu_vat', value: 'DE136695978' },
        ],
      }),
    );
    expect({ status: err.statusCode, code: err.code, param: err.param, message: err.message }).toEqual({
      status: 400,
      code: 'tax_id_invalid',
      param: 'tax_id_data[1][value]',
      message: 'Invalid value for eu_vat.',
    });
    const unknownType = await stripeError(stripe.customers.create({ tax_id_data: [{ type: 'xx_vat', value: '1' }] }));
    expect({ status: unknownType.statusCode, param: unknownType.param }).toEqual({ status: 400, param: 'tax_id_data[0][type]' });
    expect((await stripe.customers.list()).data).toEqual([]);
    expect((await stripe.events.list({ type: 'customer.*' })).data).toEqual([]);
  });

  it("expand[]=customer on a tax ID → the customer; a deleted customer's tax IDs go with it and its routes answer 404", async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'jenny@example.com', tax_id_data: [{ type: 'eu_vat', value: 'DE136695976' }] });
    const [taxId] = (await stripe.customers.listTaxIds(customer.id)).data;
    const expanded = await stripe.customers.retrieveTaxId(customer.id, taxId.id, { expand: ['customer'] });
    expect(expanded.customer).toMatchObject({ id: customer.id, object: 'customer', email: 'jenny@example.com' });
    const made = await stripe.customers.createTaxId(customer.id, { type: 'gb_vat', value: 'GB980780684', expand: ['customer'] });
    expect(made.customer).toMatchObject({ id: customer.id, object: 'customer' });

    await stripe.customers.del(customer.id);
    expect(await stripe.customers.retrieve(customer.id, { expand: ['tax_ids'] })).toEqual({
      id: customer.id,
      object: 'customer',
      deleted: true,
    });
    const noCustomer = { statusCode: 404, code: 'resource_missing', message: `No such customer: '${customer.id}'` };
    expect(await stripeError(stripe.customers.listTaxIds(customer.id))).toMatchObject(noCustomer);
    expect(await stripeError(stripe.customers.retrieveTaxId(customer.id, taxId.id))).toMatchObject(noCustomer);
    expect(await stripeError(stripe.customers.deleteTaxId(customer.id, taxId.id))).toMatchObject(noCustomer);
    expect(await stripeError(stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' }))).toMatchObject(
      noCustomer,
    );
    const deletedEvents = await stripe.events.list({ type: 'customer.tax_id.deleted' });
    expect(deletedEvents.data.map((e) => (e.data.object as Stripe.TaxId).id).sort()).toEqual([taxId.id, made.id].sort());
  });

  it('adding and deleting record customer.tax_id.created and customer.tax_id.deleted with the tax ID, listed through events.list', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create();
    const taxId = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' });
    await stripe.customers.deleteTaxId(customer.id, taxId.id);

    const created = await stripe.events.list({ type: 'customer.tax_id.created' });
    expect(created.data.map((e) => ({ type: e.type, object: e.data.object }))).toEqual([
      { type: 'customer.tax_id.created', object: taxId },
    ]);
    const deleted = await stripe.events.list({ type: 'customer.tax_id.deleted' });
    expect(deleted.data.map((e) => ({ type: e.type, object: e.data.object }))).toEqual([
      { type: 'customer.tax_id.deleted', object: taxId },
    ]);
    expect((await stripe.events.list({ type: 'customer.tax_id.*' })).data.map((e) => e.type)).toEqual([
      'customer.tax_id.deleted',
      'customer.tax_id.created',
    ]);
  });
});
