import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';

describe('prices refused through the official SDK', () => {
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
