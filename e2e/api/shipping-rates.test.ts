import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';

type Create = Stripe.ShippingRateCreateParams;
const standard: Create = { display_name: 'Standard', type: 'fixed_amount', fixed_amount: { amount: 500, currency: 'usd' } };
// Values the SDK's types forbid, sent on purpose.
const loose = (p: Record<string, unknown>) => p as unknown as Create;
const looseUpdate = (p: Record<string, unknown>) => p as unknown as Stripe.ShippingRateUpdateParams;

describe('shipping rates through the official SDK', () => {
  it('merchant creates a rate with every parameter → sees each one back, and the same on retrieve', async () => {
    const { stripe } = await newMerchant();
    const rate = await stripe.shippingRates.create({
      display_name: 'Express',
      type: 'fixed_amount',
      fixed_amount: {
        amount: 1500,
        currency: 'USD',
        currency_options: { eur: { amount: 1400, tax_behavior: 'inclusive' }, jpy: { amount: 2000 } },
      },
      delivery_estimate: { minimum: { unit: 'business_day', value: 1 }, maximum: { unit: 'business_day', value: 2 } },
      tax_behavior: 'exclusive',
      tax_code: 'txcd_92010001',
      metadata: { carrier: 'ups', empty: '' },
    });
    expect(rate.id).toMatch(/^shr_[A-Za-z0-9]{24}$/);
    expect(rate).toEqual({
      id: rate.id,
      object: 'shipping_rate',
      active: true,
      created: expect.any(Number) as unknown,
      delivery_estimate: { minimum: { unit: 'business_day', value: 1 }, maximum: { unit: 'business_day', value: 2 } },
      display_name: 'Express',
      fixed_amount: {
        amount: 1500,
        currency: 'usd',
        currency_options: { eur: { amount: 1400, tax_behavior: 'inclusive' }, jpy: { amount: 2000, tax_behavior: 'exclusive' } },
      },
      livemode: false,
      metadata: { carrier: 'ups' },
      tax_behavior: 'exclusive',
      tax_code: 'txcd_92010001',
      type: 'fixed_amount',
    });
    expect(Math.abs(rate.created - Date.now() / 1000)).toBeLessThan(60);
    expect(await stripe.shippingRates.retrieve(rate.id)).toEqual(rate);
  });

  it('merchant creates a rate with only the required parameters → sees Stripe defaults', async () => {
    const { stripe } = await newMerchant();
    const rate = await stripe.shippingRates.create({ display_name: 'Free', fixed_amount: { amount: 0, currency: 'eur' } });
    expect(rate).toMatchObject({
      active: true,
      delivery_estimate: null,
      fixed_amount: { amount: 0, currency: 'eur' },
      metadata: {},
      tax_behavior: 'unspecified',
      tax_code: null,
      type: 'fixed_amount',
    });
    expect(rate.fixed_amount).not.toHaveProperty('currency_options');
  });

  it('merchant gives only one bound of the delivery estimate → the other is null', async () => {
    const { stripe } = await newMerchant();
    const rate = await stripe.shippingRates.create({ ...standard, delivery_estimate: { maximum: { unit: 'week', value: 2 } } });
    expect(rate.delivery_estimate).toEqual({ minimum: null, maximum: { unit: 'week', value: 2 } });
  });

  it('merchant archives a rate, edits metadata and currency options → sees the changes and the kept fields', async () => {
    const { stripe } = await newMerchant();
    const rate = await stripe.shippingRates.create({
      ...standard,
      fixed_amount: { amount: 500, currency: 'usd', currency_options: { eur: { amount: 450 } } },
      metadata: { a: '1', b: '2' },
    });
    const updated = await stripe.shippingRates.update(rate.id, {
      active: false,
      metadata: { a: '', c: '3' },
      tax_behavior: 'inclusive',
      fixed_amount: { currency_options: { eur: { amount: 475 }, gbp: { amount: 400, tax_behavior: 'exclusive' } } },
    });
    expect(updated).toMatchObject({
      id: rate.id,
      active: false,
      display_name: 'Standard',
      metadata: { b: '2', c: '3' },
      tax_behavior: 'inclusive',
      fixed_amount: {
        amount: 500,
        currency: 'usd',
        currency_options: { eur: { amount: 475, tax_behavior: 'unspecified' }, gbp: { amount: 400, tax_behavior: 'exclusive' } },
      },
    });
    expect(await stripe.shippingRates.retrieve(rate.id)).toEqual(updated);
    expect((await stripe.shippingRates.update(rate.id, { metadata: '' })).metadata).toEqual({});
  });

  it('merchant tries to change a tax behavior already chosen → 400 naming it', async () => {
    const { stripe } = await newMerchant();
    const rate = await stripe.shippingRates.create({
      ...standard,
      tax_behavior: 'exclusive',
      fixed_amount: { amount: 500, currency: 'usd', currency_options: { eur: { amount: 450, tax_behavior: 'inclusive' } } },
    });
    expect(await stripeError(stripe.shippingRates.update(rate.id, { tax_behavior: 'inclusive' }))).toMatchObject({
      statusCode: 400,
      param: 'tax_behavior',
    });
    const opt = await stripeError(
      stripe.shippingRates.update(rate.id, { fixed_amount: { currency_options: { eur: { tax_behavior: 'exclusive' } } } }),
    );
    expect(opt).toMatchObject({ statusCode: 400, param: 'fixed_amount[currency_options][eur][tax_behavior]' });
    // Setting the same value again is not a change.
    expect((await stripe.shippingRates.update(rate.id, { tax_behavior: 'exclusive' })).tax_behavior).toBe('exclusive');
  });

  it('merchant edits currency options wrongly → 400 for the default currency and for a new one without amount', async () => {
    const { stripe } = await newMerchant();
    const rate = await stripe.shippingRates.create(standard);
    const dflt = await stripeError(stripe.shippingRates.update(rate.id, { fixed_amount: { currency_options: { usd: { amount: 1 } } } }));
    expect(dflt).toMatchObject({ statusCode: 400, param: 'fixed_amount[currency_options][usd]' });
    const noAmount = await stripeError(
      stripe.shippingRates.update(rate.id, { fixed_amount: { currency_options: { eur: { tax_behavior: 'inclusive' } } } }),
    );
    expect(noAmount).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'fixed_amount[currency_options][eur][amount]' });
    const unknown = await stripeError(stripe.shippingRates.update(rate.id, looseUpdate({ fixed_amount: { amount: 1 } })));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'fixed_amount[amount]' });
    const display = await stripeError(stripe.shippingRates.update(rate.id, looseUpdate({ display_name: 'New' })));
    expect(display).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'display_name' });
  });

  it('merchant lists rates → newest first, filtered by active, currency and created, paged with cursors', async () => {
    const { stripe } = await newMerchant();
    const usd = await stripe.shippingRates.create(standard);
    const eur = await stripe.shippingRates.create({ display_name: 'EU', fixed_amount: { amount: 900, currency: 'eur' } });
    const multi = await stripe.shippingRates.create({
      display_name: 'Both',
      fixed_amount: { amount: 700, currency: 'gbp', currency_options: { eur: { amount: 800 } } },
    });
    await stripe.shippingRates.update(usd.id, { active: false });
    const ids = (l: Stripe.ApiList<Stripe.ShippingRate>) => l.data.map((r) => r.id);

    const all = await stripe.shippingRates.list();
    expect(ids(all)).toEqual([multi.id, eur.id, usd.id]);
    expect(all).toMatchObject({ object: 'list', has_more: false, url: '/v1/shipping_rates' });
    expect(ids(await stripe.shippingRates.list({ active: true }))).toEqual([multi.id, eur.id]);
    expect(ids(await stripe.shippingRates.list({ active: false }))).toEqual([usd.id]);
    expect(ids(await stripe.shippingRates.list({ currency: 'eur' }))).toEqual([multi.id, eur.id]);
    expect(ids(await stripe.shippingRates.list({ currency: 'USD' }))).toEqual([usd.id]);
    expect(ids(await stripe.shippingRates.list({ currency: 'jpy' }))).toEqual([]);
    expect(ids(await stripe.shippingRates.list({ created: { gte: usd.created } }))).toEqual([multi.id, eur.id, usd.id]);
    expect(ids(await stripe.shippingRates.list({ created: { lt: usd.created } }))).toEqual([]);

    const first = await stripe.shippingRates.list({ limit: 2 });
    expect(ids(first)).toEqual([multi.id, eur.id]);
    expect(first.has_more).toBe(true);
    const second = await stripe.shippingRates.list({ limit: 2, starting_after: eur.id });
    expect(ids(second)).toEqual([usd.id]);
    expect(second.has_more).toBe(false);
    expect(ids(await stripe.shippingRates.list({ ending_before: usd.id }))).toEqual([multi.id, eur.id]);
  });

  it('merchant sends bad input on create → a 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const cases: [Create, string, string?][] = [
      [loose({ ...standard, colour: 'red' }), 'colour', 'parameter_unknown'],
      [loose({ fixed_amount: standard.fixed_amount }), 'display_name', 'parameter_missing'],
      [loose({ ...standard, display_name: '' }), 'display_name', 'parameter_invalid_empty'],
      [loose({ ...standard, display_name: 'x'.repeat(101) }), 'display_name'],
      [loose({ display_name: 'No amount' }), 'fixed_amount', 'parameter_missing'],
      [loose({ display_name: 'X', fixed_amount: { amount: 500 } }), 'fixed_amount[currency]', 'parameter_missing'],
      [
        loose({ display_name: 'X', fixed_amount: { amount: 'five', currency: 'usd' } }),
        'fixed_amount[amount]',
        'parameter_invalid_integer',
      ],
      [loose({ display_name: 'X', fixed_amount: { amount: -1, currency: 'usd' } }), 'fixed_amount[amount]'],
      [loose({ display_name: 'X', fixed_amount: { amount: 1, currency: 'zzz' } }), 'fixed_amount[currency]'],
      [loose({ ...standard, type: 'weight_based' }), 'type'],
      [loose({ ...standard, tax_behavior: 'sometimes' }), 'tax_behavior'],
      [loose({ ...standard, tax_code: 'shipping' }), 'tax_code'],
      [loose({ ...standard, delivery_estimate: { minimum: { unit: 'fortnight', value: 1 } } }), 'delivery_estimate[minimum][unit]'],
      [loose({ ...standard, delivery_estimate: { maximum: { unit: 'day', value: 0 } } }), 'delivery_estimate[maximum][value]'],
      [loose({ ...standard, delivery_estimate: { maximum: { unit: 'day' } } }), 'delivery_estimate[maximum][value]', 'parameter_missing'],
      [
        loose({ ...standard, delivery_estimate: { minimum: { unit: 'day', value: 5 }, maximum: { unit: 'day', value: 3 } } }),
        'delivery_estimate[minimum]',
      ],
      [
        loose({ ...standard, delivery_estimate: { minimum: { unit: 'week', value: 1 }, maximum: { unit: 'day', value: 6 } } }),
        'delivery_estimate[minimum]',
      ],
      [
        loose({ ...standard, delivery_estimate: { minimum: { unit: 'hour', value: 49 }, maximum: { unit: 'day', value: 2 } } }),
        'delivery_estimate[minimum]',
      ],
      [
        loose({ display_name: 'X', fixed_amount: { amount: 500, currency: 'usd', currency_options: { usd: { amount: 400 } } } }),
        'fixed_amount[currency_options][usd][amount]',
      ],
      [
        loose({ display_name: 'X', fixed_amount: { amount: 500, currency: 'usd', currency_options: { xyz: { amount: 400 } } } }),
        'fixed_amount[currency_options][xyz]',
      ],
      [
        loose({
          display_name: 'X',
          fixed_amount: { amount: 500, currency: 'usd', currency_options: { eur: { tax_behavior: 'inclusive' } } },
        }),
        'fixed_amount[currency_options][eur][amount]',
        'parameter_missing',
      ],
    ];
    // No code where Stripe gives none (a too-long string, an unknown enum value, a range).
    for (const [params, param, code] of cases) {
      const err = await stripeError(stripe.shippingRates.create(params));
      expect({ status: err.statusCode, type: err.type, param: err.param, code: err.code }, JSON.stringify(params)).toEqual({
        status: 400,
        type: 'StripeInvalidRequestError',
        param,
        code,
      });
    }
    const longKey = await stripeError(stripe.shippingRates.create({ ...standard, metadata: { ['k'.repeat(41)]: 'v' } }));
    expect(longKey).toMatchObject({ statusCode: 400, param: expect.stringMatching(/^metadata/) as unknown });
    expect((await stripe.shippingRates.list()).data).toEqual([]);
  });

  it('merchant gives bounds that cannot be compared exactly → the rate is created', async () => {
    const { stripe } = await newMerchant();
    const estimate = { minimum: { unit: 'business_day', value: 10 }, maximum: { unit: 'week', value: 1 } } as const;
    const rate = await stripe.shippingRates.create({ ...standard, delivery_estimate: estimate });
    expect(rate.delivery_estimate).toEqual(estimate);
    const sameDay = await stripe.shippingRates.create({
      ...standard,
      delivery_estimate: { minimum: { unit: 'hour', value: 24 }, maximum: { unit: 'day', value: 1 } },
    });
    expect(sameDay.delivery_estimate?.minimum).toEqual({ unit: 'hour', value: 24 });
  });

  it('merchant sends a form body by hand with bracketed params → gets the same object as through the SDK', async () => {
    const { stripe, secretKey } = await newMerchant();
    const body =
      'display_name=Hand&fixed_amount%5Bamount%5D=250&fixed_amount%5Bcurrency%5D=cad&delivery_estimate[minimum][unit]=day&delivery_estimate[minimum][value]=3';
    const res = await rawRequest('/v1/shipping_rates', {
      method: 'POST',
      key: secretKey,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    const rate = (await res.json()) as Stripe.ShippingRate;
    expect(rate).toMatchObject({
      display_name: 'Hand',
      fixed_amount: { amount: 250, currency: 'cad' },
      delivery_estimate: { minimum: { unit: 'day', value: 3 }, maximum: null },
    });
    expect(await stripe.shippingRates.retrieve(rate.id)).toEqual(rate);
  });

  it("merchant asks for another merchant's rate → 404 resource_missing, and it is not listed", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const rate = await a.stripe.shippingRates.create(standard);
    expect(await stripeError(b.stripe.shippingRates.retrieve(rate.id))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: `No such shipping rate: '${rate.id}'`,
    });
    expect((await stripeError(b.stripe.shippingRates.update(rate.id, { active: false }))).statusCode).toBe(404);
    expect((await b.stripe.shippingRates.list()).data).toEqual([]);
    expect((await stripeError(b.stripe.shippingRates.list({ starting_after: rate.id }))).statusCode).toBe(400);
    expect((await a.stripe.shippingRates.retrieve(rate.id)).active).toBe(true);
  });
});
