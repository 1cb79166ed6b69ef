import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError, type Merchant } from '../support/merchant';
import { defined } from '../support/defined';

/** Raw JSON, where the SDK would turn unit_amount_decimal into its Decimal class. */
async function raw(m: Merchant, path: string, body?: Record<string, string>) {
  const res = await rawRequest(path, {
    key: m.secretKey,
    method: body ? 'POST' : 'GET',
    ...(body && { body: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('prices through the official SDK', () => {
  it('creates a one-time price with every field → sees the exact Stripe object, retrieves it unchanged', async () => {
    const m = await newMerchant();
    const product = await m.stripe.products.create({ name: 'Mug' });
    const price = await m.stripe.prices.create({
      product: product.id,
      currency: 'USD',
      unit_amount: 1250,
      nickname: 'Launch price',
      lookup_key: 'mug_standard',
      tax_behavior: 'exclusive',
      active: true,
      metadata: { sku: 'MUG-1' },
      billing_scheme: 'per_unit',
    });
    expect(price.id).toMatch(/^price_[A-Za-z0-9]{24}$/);
    const { json } = await raw(m, `/v1/prices/${price.id}`);
    expect(json).toEqual({
      id: price.id,
      object: 'price',
      active: true,
      billing_scheme: 'per_unit',
      created: price.created,
      currency: 'usd',
      custom_unit_amount: null,
      livemode: false,
      lookup_key: 'mug_standard',
      metadata: { sku: 'MUG-1' },
      nickname: 'Launch price',
      product: product.id,
      recurring: null,
      tax_behavior: 'exclusive',
      tiers_mode: null,
      transform_quantity: null,
      type: 'one_time',
      unit_amount: 1250,
      unit_amount_decimal: '1250',
    });
    expect(String((await m.stripe.prices.retrieve(price.id)).unit_amount_decimal)).toBe('1250');
  });

  it('creates a recurring price with product_data → a new product and a licensed price', async () => {
    const m = await newMerchant();
    const price = await m.stripe.prices.create({
      currency: 'eur',
      unit_amount: 900,
      recurring: { interval: 'month', interval_count: 3, usage_type: 'licensed', trial_period_days: 14 },
      product_data: {
        name: 'Coffee club',
        unit_label: 'bag',
        statement_descriptor: 'COFFEE CLUB',
        tax_code: 'txcd_99999999',
        metadata: { tier: 'gold' },
      },
      expand: ['product'],
    });
    expect(price.type).toBe('recurring');
    expect(price.recurring).toEqual({ interval: 'month', interval_count: 3, meter: null, trial_period_days: 14, usage_type: 'licensed' });
    expect(price.product).toMatchObject({
      object: 'product',
      name: 'Coffee club',
      unit_label: 'bag',
      statement_descriptor: 'COFFEE CLUB',
      tax_code: 'txcd_99999999',
      metadata: { tier: 'gold' },
      active: true,
    });
    const named = await m.stripe.prices.create({
      currency: 'eur',
      unit_amount: 100,
      product_data: { id: 'beans', name: 'Beans', active: false },
    });
    expect(named.product).toBe('beans');
    expect((await m.stripe.products.retrieve('beans')).active).toBe(false);
  });

  it('sends unit_amount_decimal → keeps up to 12 decimals as a string, unit_amount only when whole', async () => {
    const m = await newMerchant();
    const { id: product } = await m.stripe.products.create({ name: 'Data' });
    const fine = await raw(m, '/v1/prices', { product, currency: 'usd', unit_amount_decimal: '0.123456789012' });
    expect(fine.json).toMatchObject({ unit_amount: null, unit_amount_decimal: '0.123456789012' });
    const whole = await raw(m, '/v1/prices', { product, currency: 'usd', unit_amount_decimal: '1500.00' });
    expect(whole.json).toMatchObject({ unit_amount: 1500, unit_amount_decimal: '1500' });
    const tooFine = await raw(m, '/v1/prices', { product, currency: 'usd', unit_amount_decimal: '0.1234567890123' });
    expect(tooFine).toMatchObject({ status: 400, json: { error: { param: 'unit_amount_decimal' } } });
  });

  it('sets currency_options and custom_unit_amount → sees every currency and the customer-chosen range', async () => {
    const m = await newMerchant();
    const { id: product } = await m.stripe.products.create({ name: 'Ticket' });
    const { json } = await raw(m, '/v1/prices', {
      product,
      currency: 'usd',
      unit_amount: '1000',
      tax_behavior: 'exclusive',
      'currency_options[EUR][unit_amount]': '900',
      'currency_options[gbp][unit_amount_decimal]': '800.5',
      'currency_options[gbp][tax_behavior]': 'inclusive',
    });
    expect(json.currency_options).toEqual({
      usd: { custom_unit_amount: null, tax_behavior: 'exclusive', unit_amount: 1000, unit_amount_decimal: '1000' },
      eur: { custom_unit_amount: null, tax_behavior: 'exclusive', unit_amount: 900, unit_amount_decimal: '900' },
      gbp: { custom_unit_amount: null, tax_behavior: 'inclusive', unit_amount: null, unit_amount_decimal: '800.5' },
    });

    const plain = await m.stripe.prices.create({ product, currency: 'usd', unit_amount: 500 });
    expect(plain).not.toHaveProperty('currency_options');
    const expanded = await m.stripe.prices.retrieve(plain.id, { expand: ['currency_options'] });
    expect(expanded.currency_options).toEqual({
      usd: { custom_unit_amount: null, tax_behavior: 'unspecified', unit_amount: 500, unit_amount_decimal: '500' },
    });

    const donation = await m.stripe.prices.create({
      product,
      currency: 'usd',
      custom_unit_amount: { enabled: true, minimum: 500, maximum: 50000, preset: 2000 },
    });
    expect(donation).toMatchObject({
      custom_unit_amount: { minimum: 500, maximum: 50000, preset: 2000 },
      unit_amount: null,
      unit_amount_decimal: null,
    });
  });

  it('updates a price → active, metadata, nickname, lookup key transfer, tax behavior once, currency options', async () => {
    const m = await newMerchant();
    const { id: product } = await m.stripe.products.create({ name: 'Plan' });
    const old = await m.stripe.prices.create({
      product,
      currency: 'usd',
      unit_amount: 1000,
      lookup_key: 'plan_monthly',
      metadata: { a: '1', b: '2' },
      nickname: 'Old',
    });
    const next = await m.stripe.prices.create({ product, currency: 'usd', unit_amount: 1200 });

    const taken = await stripeError(m.stripe.prices.update(next.id, { lookup_key: 'plan_monthly' }));
    expect(taken).toMatchObject({ statusCode: 400, param: 'lookup_key' });
    expect(taken.message).toContain(old.id);

    const moved = await m.stripe.prices.update(next.id, {
      lookup_key: 'plan_monthly',
      transfer_lookup_key: true,
      nickname: 'New',
      metadata: { c: '3' },
    });
    expect(moved).toMatchObject({ lookup_key: 'plan_monthly', nickname: 'New', metadata: { c: '3' } });
    expect((await m.stripe.prices.retrieve(old.id)).lookup_key).toBeNull();

    const archived = await m.stripe.prices.update(old.id, { active: false, metadata: { a: '' }, nickname: '' });
    expect(archived).toMatchObject({ active: false, metadata: { b: '2' }, nickname: null });
    expect((await m.stripe.prices.update(old.id, { metadata: '' })).metadata).toEqual({});

    expect((await m.stripe.prices.update(next.id, { tax_behavior: 'inclusive' })).tax_behavior).toBe('inclusive');
    const locked = await stripeError(m.stripe.prices.update(next.id, { tax_behavior: 'exclusive' }));
    expect(locked).toMatchObject({ statusCode: 400, param: 'tax_behavior' });

    const withEur = await m.stripe.prices.update(next.id, { currency_options: { eur: { unit_amount: 1100 } } });
    expect(withEur.currency_options?.eur).toEqual({
      custom_unit_amount: null,
      tax_behavior: 'inclusive',
      unit_amount: 1100,
      unit_amount_decimal: '1100',
    });
    expect(await m.stripe.prices.update(next.id, { currency_options: '' })).not.toHaveProperty('currency_options');

    const newest = await m.stripe.prices.create({
      product,
      currency: 'usd',
      unit_amount: 1500,
      lookup_key: 'plan_monthly',
      transfer_lookup_key: true,
    });
    expect(newest.lookup_key).toBe('plan_monthly');
    expect((await m.stripe.prices.list({ lookup_keys: ['plan_monthly'] })).data.map((p) => p.id)).toEqual([newest.id]);
  });

  it('lists prices → filters by active, currency, product, type, lookup keys, interval and created, pages newest first', async () => {
    const m = await newMerchant();
    const { id: a } = await m.stripe.products.create({ name: 'A' });
    const { id: b } = await m.stripe.products.create({ name: 'B' });
    const once = await m.stripe.prices.create({ product: a, currency: 'usd', unit_amount: 100, lookup_key: 'once' });
    const monthly = await m.stripe.prices.create({
      product: a,
      currency: 'usd',
      unit_amount: 200,
      recurring: { interval: 'month' },
      lookup_key: 'monthly',
    });
    const yearly = await m.stripe.prices.create({
      product: b,
      currency: 'eur',
      unit_amount: 300,
      recurring: { interval: 'year' },
      active: false,
    });
    const ids = async (params: Parameters<typeof m.stripe.prices.list>[0]) => (await m.stripe.prices.list(params)).data.map((p) => p.id);

    expect(await ids({})).toEqual([yearly.id, monthly.id, once.id]);
    expect(await ids({ active: false })).toEqual([yearly.id]);
    expect(await ids({ currency: 'eur' })).toEqual([yearly.id]);
    expect(await ids({ product: a })).toEqual([monthly.id, once.id]);
    expect(await ids({ type: 'one_time' })).toEqual([once.id]);
    expect(await ids({ lookup_keys: ['monthly', 'once'] })).toEqual([monthly.id, once.id]);
    expect(await ids({ recurring: { interval: 'year' } })).toEqual([yearly.id]);
    expect(await ids({ recurring: { usage_type: 'licensed' } })).toEqual([yearly.id, monthly.id]);
    expect(await ids({ created: { gte: once.created } })).toEqual([yearly.id, monthly.id, once.id]);
    expect(await ids({ created: { lt: once.created } })).toEqual([]);

    const first = await m.stripe.prices.list({ limit: 2 });
    expect(first.data.map((p) => p.id)).toEqual([yearly.id, monthly.id]);
    expect(first.has_more).toBe(true);
    const rest = await m.stripe.prices.list({ limit: 2, starting_after: monthly.id });
    expect(rest.data.map((p) => p.id)).toEqual([once.id]);
    expect(rest.has_more).toBe(false);
    expect(await ids({ ending_before: once.id })).toEqual([yearly.id, monthly.id]);
    const listed = await m.stripe.prices.list({ product: a, limit: 1, expand: ['data.product'] });
    expect(listed.data[0].product).toMatchObject({ id: a, object: 'product' });
  });

  it('sells with inline price_data on a checkout session → that hidden price is never listed', async () => {
    const m = await newMerchant();
    const listed = await m.stripe.prices.create({ currency: 'usd', unit_amount: 100, product_data: { name: 'Listed' } });
    const session = await m.stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://example.com/ok',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 700, product_data: { name: 'One-off' } }, quantity: 1 }],
      expand: ['line_items'],
    });
    const inline = defined(defined(session.line_items, 'session.line_items').data[0].price, "the line item's price");
    expect(inline.unit_amount).toBe(700);
    expect((await m.stripe.prices.retrieve(inline.id)).id).toBe(inline.id);
    expect((await m.stripe.prices.list()).data.map((p) => p.id)).toEqual([listed.id]);
  });

  it('creates a product with default_price_data → the product and its default price in one call', async () => {
    const m = await newMerchant();
    const product = await m.stripe.products.create({
      name: 'Pro plan',
      default_price_data: {
        currency: 'usd',
        unit_amount: 2900,
        recurring: { interval: 'month' },
        tax_behavior: 'exclusive',
        metadata: { plan: 'pro' },
      },
      expand: ['default_price'],
    });
    const price = product.default_price as {
      id: string;
      product: string;
      unit_amount: number;
      recurring: { interval: string };
      metadata: object;
    };
    expect(price).toMatchObject({
      object: 'price',
      product: product.id,
      unit_amount: 2900,
      recurring: { interval: 'month' },
      metadata: { plan: 'pro' },
    });
    expect((await m.stripe.products.retrieve(product.id)).default_price).toBe(price.id);

    const archive = await stripeError(m.stripe.prices.update(price.id, { active: false }));
    expect(archive).toMatchObject({ statusCode: 400, param: 'active' });

    const bad = await stripeError(
      m.stripe.products.create({ name: 'Bad', default_price_data: { currency: 'usd', unit_amount: 1, unit_amount_decimal: '1' } } as never),
    );
    expect(bad).toMatchObject({ statusCode: 400, param: 'default_price_data[unit_amount_decimal]' });
    expect((await m.stripe.products.list()).data.map((p) => p.name)).toEqual(['Pro plan']);
  });

  it('sends invalid prices → 400 naming the parameter', async () => {
    const m = await newMerchant();
    const { id: product } = await m.stripe.products.create({ name: 'X' });
    const base = { product, currency: 'usd' };
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ ...base, unit_amount: 100, colour: 'red' }, 'colour', /unknown parameter/],
      [{ ...base, unit_amount: 'ten' }, 'unit_amount', /Invalid integer/],
      [{ ...base, unit_amount: -1 }, 'unit_amount'],
      [{ product, unit_amount: 100 }, 'currency', /Missing required param/],
      [{ ...base, unit_amount: 100, currency: 'xyz' }, 'currency'],
      [{ ...base }, 'unit_amount', /Missing required param/],
      [{ ...base, unit_amount: 100, unit_amount_decimal: '100' }, 'unit_amount_decimal', /only specify one/],
      [{ currency: 'usd', unit_amount: 100 }, 'product', /Missing required param/],
      [{ ...base, unit_amount: 100, product_data: { name: 'Y' } }, 'product', /only specify one/],
      [{ ...base, unit_amount: 100, billing_scheme: 'tiered' }, 'billing_scheme', /not supported/],
      [{ ...base, tiers: [{ up_to: 'inf', unit_amount: 1 }], tiers_mode: 'volume' }, 'tiers', /not supported/],
      [{ ...base, unit_amount: 100, transform_quantity: { divide_by: 2, round: 'up' } }, 'transform_quantity', /not supported/],
      [{ ...base, unit_amount: 100, recurring: { interval: 'month', usage_type: 'metered' } }, 'recurring[usage_type]', /Metered/],
      [{ ...base, unit_amount: 100, recurring: { interval: 'month', interval_count: 13 } }, 'recurring[interval_count]', /one year/],
      [{ ...base, unit_amount: 100, recurring: { interval: 'week', interval_count: 53 } }, 'recurring[interval_count]'],
      [{ ...base, unit_amount: 100, recurring: { interval: 'day', interval_count: 366 } }, 'recurring[interval_count]'],
      [{ ...base, unit_amount: 100, recurring: { interval: 'year', interval_count: 2 } }, 'recurring[interval_count]'],
      [{ ...base, currency: 'kwd', unit_amount: 1005 }, 'unit_amount', /divisible by 10/],
      [
        { ...base, unit_amount: 100, currency_options: { jod: { unit_amount: 15 } } },
        'currency_options[jod][unit_amount]',
        /divisible by 10/,
      ],
      [{ ...base, unit_amount: 100, currency_options: { usd: { unit_amount: 90 } } }, 'currency_options[usd]'],
      [
        { ...base, unit_amount: 100, currency_options: { eur: { tax_behavior: 'inclusive' } } },
        'currency_options[eur][unit_amount]',
        /Missing required param/,
      ],
      [{ ...base, recurring: { interval: 'month' }, custom_unit_amount: { enabled: true } }, 'custom_unit_amount', /one-time/],
      [{ ...base, custom_unit_amount: { enabled: true, minimum: 500, maximum: 100 } }, 'custom_unit_amount[minimum]'],
      [{ ...base, unit_amount: 100, lookup_key: 'x'.repeat(201) }, 'lookup_key'],
    ];
    for (const [params, param, message] of cases) {
      const err = await stripeError(m.stripe.prices.create(params as never)).catch((e: unknown) =>
        Promise.reject(new Error(`${JSON.stringify(params)}: ${e instanceof Error ? e.message : String(e)}`)),
      );
      expect({ status: err.statusCode, param: err.param }, JSON.stringify(params)).toEqual({ status: 400, param });
      if (message) expect(err.message).toMatch(message);
    }
    expect((await m.stripe.prices.create({ ...base, currency: 'kwd', unit_amount: 1000 })).unit_amount).toBe(1000);
    expect((await stripeError(m.stripe.prices.update('price_missing', { nickname: 'x' }))).statusCode).toBe(404);
    expect((await stripeError(m.stripe.prices.list({ limit: 101 }))).param).toBe('limit');
  });

  it("uses another merchant's product or price → not found", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const product = await a.stripe.products.create({ name: 'Private' });
    const price = await a.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 100 });
    const err = await stripeError(b.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 100 }));
    expect(err).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'product' });
    expect(await stripeError(b.stripe.prices.retrieve(price.id))).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    expect((await stripeError(b.stripe.prices.update(price.id, { nickname: 'x' }))).statusCode).toBe(404);
    expect((await b.stripe.prices.list()).data).toEqual([]);
    expect((await b.stripe.prices.list({ product: product.id })).data).toEqual([]);
  });
});
