import { describe, expect, it } from 'vitest';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';

const inDays = (d: number) => Math.floor(Date.now() / 1000) + d * 86400;

describe('coupons through the official SDK', () => {
  it('creates a percent-off coupon with every field → sees the exact Stripe object, retrieves it unchanged', async () => {
    const m = await newMerchant();
    const product = await m.stripe.products.create({ name: 'Hat' });
    const redeemBy = inDays(30);
    const coupon = await m.stripe.coupons.create({
      id: 'SPRING-25',
      name: 'Spring sale',
      percent_off: 12.5,
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 100,
      redeem_by: redeemBy,
      applies_to: { products: [product.id] },
      metadata: { campaign: 'spring' },
    });
    expect(coupon).toEqual({
      id: 'SPRING-25',
      object: 'coupon',
      amount_off: null,
      applies_to: { products: [product.id] },
      created: coupon.created,
      currency: null,
      duration: 'repeating',
      duration_in_months: 3,
      livemode: false,
      max_redemptions: 100,
      metadata: { campaign: 'spring' },
      name: 'Spring sale',
      percent_off: 12.5,
      redeem_by: redeemBy,
      times_redeemed: 0,
      valid: true,
    });
    expect(Math.abs(coupon.created - Date.now() / 1000)).toBeLessThan(60);
    expect(await m.stripe.coupons.retrieve('SPRING-25')).toEqual(coupon);
  });

  it('creates an amount-off coupon with currency options → minor units per currency, a generated id, duration once', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({
      amount_off: 500,
      currency: 'USD',
      currency_options: { eur: { amount_off: 450 }, JPY: { amount_off: 700 } },
    });
    expect(coupon.id).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(coupon).toMatchObject({
      amount_off: 500,
      currency: 'usd',
      currency_options: { eur: { amount_off: 450 }, jpy: { amount_off: 700 } },
      duration: 'once',
      duration_in_months: null,
      percent_off: null,
      name: null,
      redeem_by: null,
      max_redemptions: null,
      valid: true,
    });
    expect(coupon).not.toHaveProperty('applies_to');
    const forever = await m.stripe.coupons.create({ percent_off: 100, duration: 'forever' });
    expect(forever).toMatchObject({ percent_off: 100, duration: 'forever' });
    expect(forever).not.toHaveProperty('currency_options');
  });

  it('updates a coupon → name, metadata (unset with empty strings) and currency options', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({
      amount_off: 1000,
      currency: 'usd',
      name: 'Ten off',
      metadata: { a: '1', b: '2' },
      currency_options: { eur: { amount_off: 900 } },
    });
    const updated = await m.stripe.coupons.update(coupon.id, {
      name: 'Ten dollars off',
      metadata: { a: '', c: '3' },
      currency_options: { gbp: { amount_off: 800 } },
    });
    expect(updated).toMatchObject({
      name: 'Ten dollars off',
      metadata: { b: '2', c: '3' },
      currency_options: { eur: { amount_off: 900 }, gbp: { amount_off: 800 } },
    });
    expect(updated.amount_off).toBe(1000);
    const cleared = await m.stripe.coupons.update(coupon.id, { name: '', metadata: '' });
    expect(cleared).toMatchObject({ name: null, metadata: {} });
    expect(await m.stripe.coupons.retrieve(coupon.id)).toEqual(cleared);

    const percent = await m.stripe.coupons.create({ percent_off: 10 });
    const err = await stripeError(m.stripe.coupons.update(percent.id, { currency_options: { eur: { amount_off: 1 } } }));
    expect(err).toMatchObject({ statusCode: 400, param: 'currency_options' });
    expect((await stripeError(m.stripe.coupons.update(percent.id, { percent_off: 20 } as never))).param).toBe('percent_off');
  });

  it('lists coupons → newest first, pages, filters by created, hides deleted ones', async () => {
    const m = await newMerchant();
    const a = await m.stripe.coupons.create({ percent_off: 5 });
    const b = await m.stripe.coupons.create({ percent_off: 10 });
    const c = await m.stripe.coupons.create({ percent_off: 15 });
    const first = await m.stripe.coupons.list({ limit: 2 });
    expect(first.data.map((x) => x.id)).toEqual([c.id, b.id]);
    expect(first.has_more).toBe(true);
    const next = await m.stripe.coupons.list({ limit: 2, starting_after: b.id });
    expect(next.data.map((x) => x.id)).toEqual([a.id]);
    expect(next.has_more).toBe(false);
    expect((await m.stripe.coupons.list({ ending_before: a.id })).data.map((x) => x.id)).toEqual([c.id, b.id]);
    expect((await m.stripe.coupons.list({ created: { gte: a.created } })).data).toHaveLength(3);
    expect((await m.stripe.coupons.list({ created: { lt: a.created } })).data).toEqual([]);

    await m.stripe.coupons.del(b.id);
    expect((await m.stripe.coupons.list()).data.map((x) => x.id)).toEqual([c.id, a.id]);
  });

  it('deletes a coupon → a deleted stub, then 404 on retrieve, update and delete', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({ id: 'gone', percent_off: 20 });
    expect(await m.stripe.coupons.del(coupon.id)).toEqual({ id: 'gone', object: 'coupon', deleted: true });
    expect(await stripeError(m.stripe.coupons.retrieve('gone'))).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    expect((await stripeError(m.stripe.coupons.update('gone', { name: 'x' }))).statusCode).toBe(404);
    expect((await stripeError(m.stripe.coupons.del('gone'))).statusCode).toBe(404);
    // The id stays taken: promotion codes and sessions that used it still name it.
    expect((await stripeError(m.stripe.coupons.create({ id: 'gone', percent_off: 5 }))).code).toBe('resource_already_exists');
  });

  it('sends invalid coupons → 400 naming the parameter', async () => {
    const m = await newMerchant();
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ percent_off: 10, colour: 'red' }, 'colour', /unknown parameter/],
      [{ percent_off: 'lots' }, 'percent_off'],
      [{}, 'percent_off', /percent_off or amount_off/],
      [{ percent_off: 10, amount_off: 100, currency: 'usd' }, 'amount_off', /only specify one/],
      [{ percent_off: 0 }, 'percent_off', /greater than 0/],
      [{ percent_off: 100.5 }, 'percent_off'],
      [{ amount_off: 100 }, 'currency', /Missing required param/],
      [{ amount_off: 0, currency: 'usd' }, 'amount_off'],
      [{ percent_off: 10, currency: 'usd' }, 'currency'],
      [{ percent_off: 10, currency_options: { eur: { amount_off: 1 } } }, 'currency_options'],
      [{ amount_off: 100, currency: 'usd', currency_options: { usd: { amount_off: 90 } } }, 'currency_options[usd]'],
      [{ amount_off: 100, currency: 'usd', currency_options: { zzz: { amount_off: 90 } } }, 'currency_options[zzz]'],
      [{ amount_off: 1005, currency: 'bhd' }, 'amount_off', /divisible by 10/],
      [{ percent_off: 10, duration: 'repeating' }, 'duration_in_months', /Missing required param/],
      [{ percent_off: 10, duration: 'once', duration_in_months: 3 }, 'duration_in_months'],
      [{ percent_off: 10, duration: 'weekly' }, 'duration'],
      [{ percent_off: 10, redeem_by: inDays(-1) }, 'redeem_by', /future/],
      [{ percent_off: 10, max_redemptions: 0 }, 'max_redemptions'],
      [{ percent_off: 10, name: 'n'.repeat(41) }, 'name'],
      [{ percent_off: 10, id: 'has space' }, 'id'],
      [{ percent_off: 10, applies_to: { products: ['prod_nope'] } }, 'applies_to[products][0]', /No such product/],
    ];
    for (const [params, param, message] of cases) {
      const err = await stripeError(m.stripe.coupons.create(params as never)).catch((e: unknown) =>
        Promise.reject(new Error(`${JSON.stringify(params)}: ${e instanceof Error ? e.message : String(e)}`)),
      );
      expect({ status: err.statusCode, param: err.param }, JSON.stringify(params)).toEqual({ status: 400, param });
      if (message) expect(err.message).toMatch(message);
    }
    expect((await m.stripe.coupons.create({ amount_off: 1000, currency: 'bhd' })).amount_off).toBe(1000);
    await m.stripe.coupons.create({ id: 'dup', percent_off: 1 });
    expect((await stripeError(m.stripe.coupons.create({ id: 'dup', percent_off: 2 }))).code).toBe('resource_already_exists');
    const res = await rawRequest('/v1/coupons/dup?x=1', { key: m.secretKey, method: 'DELETE' });
    expect(res.status).toBe(400);
    expect((await m.stripe.coupons.retrieve('dup')).id).toBe('dup');
  });

  it("uses another merchant's coupon or product → not found", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const coupon = await a.stripe.coupons.create({ id: 'VIP', percent_off: 50 });
    const product = await a.stripe.products.create({ name: 'Private' });
    expect(await stripeError(b.stripe.coupons.retrieve(coupon.id))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
    });
    expect((await stripeError(b.stripe.coupons.update(coupon.id, { name: 'x' }))).statusCode).toBe(404);
    expect((await stripeError(b.stripe.coupons.del(coupon.id))).statusCode).toBe(404);
    expect((await b.stripe.coupons.list()).data).toEqual([]);
    const err = await stripeError(b.stripe.coupons.create({ percent_off: 5, applies_to: { products: [product.id] } }));
    expect(err).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'applies_to[products][0]' });
    // Coupon ids are per account: b may use the same one.
    expect((await b.stripe.coupons.create({ id: 'VIP', percent_off: 10 })).percent_off).toBe(10);
    expect((await a.stripe.coupons.retrieve('VIP')).percent_off).toBe(50);
  });
});
