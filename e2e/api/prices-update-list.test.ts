import { describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import { defined } from '../support/defined';

describe('updating and listing prices through the official SDK', () => {
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
});
