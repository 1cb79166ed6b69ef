import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant, stripeError } from '../support/merchant';
import { defined } from '../support/defined';

describe('checkout session lifecycle through the official SDK', () => {
  it('retrieve and list with filters and cursors', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const customer = await stripe.customers.create({ email: 'grace@example.com' });
    const make = (extra = {}) =>
      stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: SUCCESS_URL,
        ...extra,
      });
    const first = await make();
    const second = await make({ customer: customer.id });
    const third = await make();
    expect(await stripe.checkout.sessions.retrieve(second.id)).toEqual(second);

    const all = await stripe.checkout.sessions.list();
    expect(all.data.map((s) => s.id)).toEqual([third.id, second.id, first.id]);
    expect(all.url).toBe('/v1/checkout/sessions');
    const page = await stripe.checkout.sessions.list({ limit: 2 });
    expect(page.has_more).toBe(true);
    const rest = await stripe.checkout.sessions.list({ limit: 2, starting_after: page.data[1].id });
    expect(rest.data.map((s) => s.id)).toEqual([first.id]);
    expect(rest.has_more).toBe(false);
    expect((await stripe.checkout.sessions.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([second.id]);
    expect((await stripe.checkout.sessions.list({ status: 'complete' })).data).toEqual([]);
    expect((await stripe.checkout.sessions.list({ created: { gte: first.created } })).data).toHaveLength(3);
    expect((await stripe.checkout.sessions.list({ created: { lt: first.created } })).data).toHaveLength(0);

    let seen = 0;
    for await (const s of stripe.checkout.sessions.list({ limit: 1 })) {
      expect(s.object).toBe('checkout.session');
      seen++;
    }
    expect(seen).toBe(3);
  });

  it('update metadata, line items and shipping options → totals recomputed', async () => {
    const { stripe } = await newMerchant();
    const shirt = await oneTimePrice(stripe, 2000, 'usd', 'Shirt');
    const cap = await oneTimePrice(stripe, 800, 'usd', 'Cap');
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: shirt.id, quantity: 1 }],
      success_url: SUCCESS_URL,
      metadata: { a: '1', b: '2' },
      expand: ['line_items'],
    });
    const lineId = defined(session.line_items, 'session.line_items').data[0].id;
    const updated = await stripe.checkout.sessions.update(session.id, {
      metadata: { a: '', c: '3' },
      line_items: [
        { id: lineId, quantity: 3 },
        { price: cap.id, quantity: 2 },
      ],
      shipping_options: [
        { shipping_rate_data: { display_name: 'Courier', type: 'fixed_amount', fixed_amount: { amount: 700, currency: 'usd' } } },
      ],
      expand: ['line_items'],
    });
    expect(updated.metadata).toEqual({ b: '2', c: '3' });
    expect(defined(updated.line_items, 'updated.line_items').data.map((l) => [l.description, l.quantity, l.amount_total])).toEqual([
      ['Shirt', 3, 6000],
      ['Cap', 2, 1600],
    ]);
    expect(updated.amount_subtotal).toBe(7600);
    expect(updated.amount_total).toBe(8300);
    expect(updated.shipping_cost?.amount_total).toBe(700);

    const removed = await stripe.checkout.sessions.update(session.id, { line_items: [{ price: cap.id, quantity: 1 }] });
    expect(removed.amount_subtotal).toBe(800);
    const lines = await stripe.checkout.sessions.listLineItems(session.id);
    expect(lines.data.map((l) => l.description)).toEqual(['Cap']);

    const err = await stripeError(stripe.checkout.sessions.update(session.id, { line_items: [{ id: 'li_unknown', quantity: 1 }] }));
    expect(err.param).toBe('line_items[0][id]');
  });

  it('update resending a line as just its id keeps it as it is (was a 500: an empty SET)', async () => {
    const { stripe } = await newMerchant();
    const shirt = await oneTimePrice(stripe, 2000, 'usd', 'Shirt');
    const cap = await oneTimePrice(stripe, 800, 'usd', 'Cap');
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: shirt.id, quantity: 2 }],
      success_url: SUCCESS_URL,
      expand: ['line_items'],
    });
    const lineId = defined(session.line_items, 'session.line_items').data[0].id;
    const updated = await stripe.checkout.sessions.update(session.id, {
      line_items: [{ id: lineId }, { price: cap.id, quantity: 1 }],
      expand: ['line_items'],
    });
    expect(defined(updated.line_items, 'updated.line_items').data.map((l) => [l.id === lineId, l.quantity])).toEqual([
      [true, 2],
      [false, 1],
    ]);
    expect(updated.amount_total).toBe(4800);
  });

  it('line items are listed with cursors', async () => {
    const { stripe } = await newMerchant();
    const prices = await Promise.all([1, 2, 3].map((n) => oneTimePrice(stripe, n * 100, 'usd', `Item ${n}`)));
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: prices.map((p) => ({ price: p.id, quantity: 1 })),
      success_url: SUCCESS_URL,
    });
    const page = await stripe.checkout.sessions.listLineItems(session.id, { limit: 2 });
    expect(page.data.map((l) => l.description)).toEqual(['Item 1', 'Item 2']);
    expect(page.has_more).toBe(true);
    const next = await stripe.checkout.sessions.listLineItems(session.id, { limit: 2, starting_after: page.data[1].id });
    expect(next.data.map((l) => l.description)).toEqual(['Item 3']);
    expect(next.has_more).toBe(false);
  });

  it('expire an open session once; a second expire or a cart change is refused', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
      after_expiration: { recovery: { enabled: true } },
    });
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');
    expect(expired.url).toBeNull();
    expect(expired.after_expiration?.recovery?.url).toMatch(new RegExp(`/c/${session.id}/recover$`));
    const again = await stripeError(stripe.checkout.sessions.expire(session.id));
    expect(again.statusCode).toBe(400);
    expect(again.message).toMatch(/open/);
    const change = await stripeError(stripe.checkout.sessions.update(session.id, { line_items: [{ price: price.id, quantity: 2 }] }));
    expect(change.statusCode).toBe(400);
    expect((await stripe.checkout.sessions.update(session.id, { metadata: { note: 'late' } })).metadata).toEqual({ note: 'late' });
    expect((await stripe.checkout.sessions.list({ status: 'expired' })).data.map((s) => s.id)).toEqual([session.id]);
  });

  it("one merchant cannot read, change or expire another's session", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const price = await oneTimePrice(a.stripe);
    const session = await a.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    // One call at a time: a rejection waiting in an array for its turn counts as unhandled.
    for (const call of [
      () => b.stripe.checkout.sessions.retrieve(session.id),
      () => b.stripe.checkout.sessions.update(session.id, { metadata: { x: '1' } }),
      () => b.stripe.checkout.sessions.expire(session.id),
      () => b.stripe.checkout.sessions.listLineItems(session.id),
    ]) {
      expect(await stripeError(call())).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    }
    expect((await b.stripe.checkout.sessions.list()).data).toEqual([]);
    expect((await a.stripe.checkout.sessions.retrieve(session.id)).metadata).toEqual({});
  });
});
