import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError, type Merchant } from '../support/merchant';

/** Raw JSON, where the SDK would turn unit_amount_decimal into its Decimal class. */
async function raw(m: Merchant, path: string, body?: Record<string, string>) {
  const res = await rawRequest(path, {
    key: m.secretKey,
    method: body ? 'POST' : 'GET',
    ...(body && { body: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('creating prices through the official SDK', () => {
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
});
