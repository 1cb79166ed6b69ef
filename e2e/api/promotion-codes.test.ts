import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';

const inDays = (d: number) => Math.floor(Date.now() / 1000) + d * 86400;
/** The pre-2025-09 shape with a top-level `coupon`, which the SDK's types no longer describe. */
const legacy = (params: Record<string, unknown>) => params as unknown as Stripe.PromotionCodeCreateParams;

describe('promotion codes through the official SDK', () => {
  it('creates a code with every field → sees the exact Stripe object, retrieves it unchanged', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({ percent_off: 20, redeem_by: inDays(60) });
    const customer = await m.stripe.customers.create({ email: 'ada@example.com' });
    const expiresAt = inDays(30);
    const code = await m.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'Welcome-20_x',
      active: true,
      customer: customer.id,
      expires_at: expiresAt,
      max_redemptions: 5,
      restrictions: {
        first_time_transaction: true,
        minimum_amount: 2000,
        minimum_amount_currency: 'usd',
        currency_options: { eur: { minimum_amount: 1800 } },
      },
      metadata: { channel: 'newsletter' },
    });
    expect(code.id).toMatch(/^promo_[A-Za-z0-9]{24}$/);
    expect(code).toEqual({
      id: code.id,
      object: 'promotion_code',
      active: true,
      code: 'Welcome-20_x',
      created: code.created,
      customer: customer.id,
      customer_account: null,
      expires_at: expiresAt,
      livemode: false,
      max_redemptions: 5,
      metadata: { channel: 'newsletter' },
      promotion: { coupon: coupon.id, type: 'coupon' },
      restrictions: {
        currency_options: { eur: { minimum_amount: 1800 } },
        first_time_transaction: true,
        minimum_amount: 2000,
        minimum_amount_currency: 'usd',
      },
      times_redeemed: 0,
    });
    expect(await m.stripe.promotionCodes.retrieve(code.id)).toEqual(code);
  });

  it('creates a code with the older top-level coupon and no code → a generated 8-character uppercase code', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({ amount_off: 500, currency: 'usd' });
    const code = await m.stripe.promotionCodes.create(legacy({ coupon: coupon.id }));
    expect(code.code).toMatch(/^[A-Z0-9]{8}$/);
    expect(code).toMatchObject({
      promotion: { coupon: coupon.id, type: 'coupon' },
      customer: null,
      expires_at: null,
      max_redemptions: null,
      restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    });
    expect(code.restrictions).not.toHaveProperty('currency_options');
    const both = await stripeError(
      m.stripe.promotionCodes.create(legacy({ coupon: coupon.id, promotion: { type: 'coupon', coupon: coupon.id } })),
    );
    expect(both).toMatchObject({ statusCode: 400, param: 'coupon' });
    expect(both.message).toMatch(/only specify one/);
  });

  it('expands the coupon and the customer → full objects, a deleted coupon shows as invalid', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({ percent_off: 15, name: 'Fifteen' });
    const customer = await m.stripe.customers.create({ name: 'Grace' });
    const created = await m.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      customer: customer.id,
      expand: ['promotion.coupon', 'customer'],
    });
    expect(created.promotion.coupon).toMatchObject({ id: coupon.id, object: 'coupon', name: 'Fifteen', valid: true });
    expect(created.customer).toMatchObject({ id: customer.id, object: 'customer', name: 'Grace' });
    await m.stripe.coupons.del(coupon.id);
    const after = await m.stripe.promotionCodes.retrieve(created.id, { expand: ['promotion.coupon'] });
    expect(after.promotion.coupon).toMatchObject({ id: coupon.id, valid: false });
    const listed = await m.stripe.promotionCodes.list({ expand: ['data.promotion.coupon'] });
    expect(listed.data[0].promotion.coupon).toMatchObject({ id: coupon.id, object: 'coupon' });
    expect((await stripeError(m.stripe.promotionCodes.retrieve(created.id, { expand: ['promotion.type'] }))).param).toBe('expand');
  });

  it('reuses a code in another case → refused while the first is active, allowed once it is not', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({ percent_off: 10 });
    const promotion = { type: 'coupon' as const, coupon: coupon.id };
    const first = await m.stripe.promotionCodes.create({ promotion, code: 'SUMMER' });
    const clash = await stripeError(m.stripe.promotionCodes.create({ promotion, code: 'summer' }));
    expect(clash).toMatchObject({ statusCode: 400, param: 'code', code: 'resource_already_exists' });
    expect(clash.message).toContain('summer');

    await m.stripe.promotionCodes.update(first.id, { active: false });
    const second = await m.stripe.promotionCodes.create({ promotion, code: 'summer' });
    expect(second).toMatchObject({ code: 'summer', active: true });
    const revive = await stripeError(m.stripe.promotionCodes.update(first.id, { active: true }));
    expect(revive).toMatchObject({ statusCode: 400, param: 'active' });
    // An inactive code does not block anything.
    expect((await m.stripe.promotionCodes.create({ promotion, code: 'Summer', active: false })).active).toBe(false);
  });

  it('updates a code → active, metadata (unset with empty strings) and per-currency minimums', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({ percent_off: 10 });
    const code = await m.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      metadata: { a: '1', b: '2' },
      restrictions: { minimum_amount: 1000, minimum_amount_currency: 'usd' },
    });
    const updated = await m.stripe.promotionCodes.update(code.id, {
      active: false,
      metadata: { a: '' },
      restrictions: { currency_options: { eur: { minimum_amount: 900 } } },
    });
    expect(updated).toMatchObject({
      active: false,
      metadata: { b: '2' },
      restrictions: { currency_options: { eur: { minimum_amount: 900 } }, minimum_amount: 1000, minimum_amount_currency: 'usd' },
    });
    expect((await m.stripe.promotionCodes.update(code.id, { metadata: '' })).metadata).toEqual({});
    expect((await m.stripe.promotionCodes.update(code.id, { active: true })).active).toBe(true);

    const bare = await m.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
    const noMinimum = await stripeError(
      m.stripe.promotionCodes.update(bare.id, { restrictions: { currency_options: { eur: { minimum_amount: 1 } } } }),
    );
    expect(noMinimum).toMatchObject({ statusCode: 400, param: 'restrictions[currency_options]' });
    expect((await stripeError(m.stripe.promotionCodes.update(bare.id, { code: 'NEW' } as never))).param).toBe('code');
  });

  it('lists codes → filters by active, code (any case), coupon, customer and created, pages newest first', async () => {
    const m = await newMerchant();
    const c1 = await m.stripe.coupons.create({ percent_off: 10 });
    const c2 = await m.stripe.coupons.create({ percent_off: 20 });
    const customer = await m.stripe.customers.create({ email: 'x@example.com' });
    const a = await m.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: c1.id }, code: 'ALPHA' });
    const b = await m.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: c2.id }, code: 'BETA', customer: customer.id });
    const c = await m.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: c1.id }, code: 'GAMMA', active: false });
    const ids = async (params: Stripe.PromotionCodeListParams) => (await m.stripe.promotionCodes.list(params)).data.map((x) => x.id);

    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    expect(await ids({ active: true })).toEqual([b.id, a.id]);
    expect(await ids({ code: 'alpha' })).toEqual([a.id]);
    expect(await ids({ coupon: c1.id })).toEqual([c.id, a.id]);
    expect(await ids({ customer: customer.id })).toEqual([b.id]);
    expect(await ids({ created: { gte: a.created } })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ created: { lt: a.created } })).toEqual([]);
    const page = await m.stripe.promotionCodes.list({ limit: 2 });
    expect(page.data.map((x) => x.id)).toEqual([c.id, b.id]);
    expect(page.has_more).toBe(true);
    expect(await ids({ starting_after: b.id })).toEqual([a.id]);
    expect(await ids({ ending_before: a.id })).toEqual([c.id, b.id]);
    expect((await stripeError(m.stripe.promotionCodes.list({ customer_account: 'acct_1' }))).param).toBe('customer_account');
  });

  it('sends invalid codes → 400 naming the parameter', async () => {
    const m = await newMerchant();
    const coupon = await m.stripe.coupons.create({ percent_off: 10, redeem_by: inDays(10) });
    const promotion = { type: 'coupon', coupon: coupon.id };
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ promotion, colour: 'red' }, 'colour', /unknown parameter/],
      [{}, 'promotion[coupon]', /Missing required param/],
      [{ promotion: { type: 'coupon' } }, 'promotion[coupon]', /Missing required param/],
      [{ promotion: { type: 'gift', coupon: coupon.id } }, 'promotion[type]'],
      [{ promotion: { type: 'coupon', coupon: 'nope' } }, 'promotion[coupon]', /No such coupon/],
      [{ coupon: 'nope' }, 'coupon', /No such coupon/],
      [{ promotion, code: 'HAS SPACE' }, 'code', /letters, digits/],
      [{ promotion, code: 'CAFÉ' }, 'code'],
      [{ promotion, active: 'yes' }, 'active'],
      [{ promotion, expires_at: inDays(-1) }, 'expires_at', /future/],
      [{ promotion, expires_at: inDays(20) }, 'expires_at', /redeem_by/],
      [{ promotion, max_redemptions: 0 }, 'max_redemptions'],
      [{ promotion, customer: 'cus_nope' }, 'customer', /No such customer/],
      [{ promotion, customer_account: 'acct_x' }, 'customer_account', /not supported/],
      [{ promotion, restrictions: { minimum_amount: 100 } }, 'restrictions[minimum_amount_currency]', /Missing required param/],
      [{ promotion, restrictions: { minimum_amount_currency: 'usd' } }, 'restrictions[minimum_amount]', /Missing required param/],
      [
        { promotion, restrictions: { minimum_amount: 1005, minimum_amount_currency: 'kwd' } },
        'restrictions[minimum_amount]',
        /divisible by 10/,
      ],
      [{ promotion, restrictions: { currency_options: { eur: { minimum_amount: 1 } } } }, 'restrictions[currency_options]'],
      [
        {
          promotion,
          restrictions: { minimum_amount: 100, minimum_amount_currency: 'usd', currency_options: { usd: { minimum_amount: 1 } } },
        },
        'restrictions[currency_options][usd]',
      ],
    ];
    for (const [params, param, message] of cases) {
      const err = await stripeError(m.stripe.promotionCodes.create(legacy(params))).catch((e: unknown) =>
        Promise.reject(new Error(`${JSON.stringify(params)}: ${e instanceof Error ? e.message : String(e)}`)),
      );
      expect({ status: err.statusCode, param: err.param }, JSON.stringify(params)).toEqual({ status: 400, param });
      if (message) expect(err.message).toMatch(message);
    }
    await m.stripe.coupons.del(coupon.id);
    const deleted = await stripeError(m.stripe.promotionCodes.create(legacy({ promotion })));
    expect(deleted).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'promotion[coupon]' });
  });

  it("uses another merchant's coupon, customer or code → not found", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const coupon = await a.stripe.coupons.create({ percent_off: 10 });
    const customer = await a.stripe.customers.create({ email: 'a@example.com' });
    const code = await a.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'SHARED' });
    expect(await stripeError(b.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'promotion[coupon]',
    });
    const own = await b.stripe.coupons.create({ percent_off: 5 });
    const err = await stripeError(b.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: own.id }, customer: customer.id }));
    expect(err).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
    expect(await stripeError(b.stripe.promotionCodes.retrieve(code.id))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
    });
    expect((await stripeError(b.stripe.promotionCodes.update(code.id, { active: false }))).statusCode).toBe(404);
    expect((await b.stripe.promotionCodes.list()).data).toEqual([]);
    // Codes are unique per account only.
    expect((await b.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: own.id }, code: 'shared' })).code).toBe('shared');
  });
});
