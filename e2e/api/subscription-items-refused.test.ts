import { describe, expect, it } from 'vitest';
import { monthlyPrice, oneTimePrice } from '../support/catalog';
import { newMerchant, stripeError } from '../support/merchant';
import { subscribedTo } from '../support/subscription-items';

describe('subscription changes Stripe refuses', () => {
  it('prices that cannot join the subscription → 400 on the item’s price, nothing changed', async () => {
    const { stripe } = await newMerchant();
    const monthly = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: monthly.id }]);
    const product = await stripe.products.create({ name: 'Yearly' });
    const yearly = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 9000, recurring: { interval: 'year' } });
    const usd = await monthlyPrice(stripe, 1000, 'usd', 'Dollars');
    const once = await oneTimePrice(stripe, 500, 'eur');
    const other = await monthlyPrice(stripe, 3000, 'eur', 'Other');

    const mixed = await stripeError(stripe.subscriptions.update(subscription, { items: [{ price: yearly.id }] }));
    expect([mixed.statusCode, mixed.param, mixed.message]).toEqual([
      400,
      'items[0][price]',
      'Currency and interval fields must match across all plans on this subscription. Found mismatch in interval field.',
    ]);
    const currency = await stripeError(stripe.subscriptionItems.create({ subscription, price: usd.id }));
    expect([currency.param, currency.message]).toEqual(['price', expect.stringContaining('mismatch in currency field')]);
    const oneTime = await stripeError(stripe.subscriptions.update(subscription, { items: [{ id: items[0].id, price: once.id }] }));
    expect([oneTime.param, oneTime.message]).toEqual(['items[0][price]', expect.stringContaining('type=recurring')]);
    const missing = await stripeError(stripe.subscriptions.update(subscription, { items: [{ id: items[0].id, price: 'price_nope' }] }));
    expect([missing.statusCode, missing.code, missing.param]).toEqual([400, 'resource_missing', 'items[0][price]']);
    const twice = await stripeError(stripe.subscriptions.update(subscription, { items: [{ price: monthly.id }] }));
    expect([twice.param, twice.message]).toEqual(['items[0][price]', expect.stringContaining('same price')]);
    const archived = await stripe.prices.update(other.id, { active: false });
    const inactive = await stripeError(stripe.subscriptionItems.update(items[0].id, { price: archived.id }));
    expect([inactive.param, inactive.message]).toEqual([
      'price',
      'The price specified is inactive. This field only accepts active prices.',
    ]);

    expect((await stripe.subscriptionItems.list({ subscription })).data.map((i) => [i.price.id, i.quantity])).toEqual([[monthly.id, 1]]);
    expect((await stripe.invoiceItems.list({ customer })).data).toEqual([]);
  });

  it('items that are not the subscription’s, deletions without an id, the last item, clear_usage, too much to charge → 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const price = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const { subscription, items } = await subscribedTo(stripe, [{ price: price.id }]);
    const elsewhere = await subscribedTo(stripe, [{ price: price.id }]);

    const foreign = await stripeError(stripe.subscriptions.update(subscription, { items: [{ id: elsewhere.items[0].id, quantity: 2 }] }));
    expect([foreign.statusCode, foreign.code, foreign.param]).toEqual([400, 'resource_missing', 'items[0][id]']);
    const noId = await stripeError(stripe.subscriptions.update(subscription, { items: [{ deleted: true }] }));
    expect([noId.code, noId.param]).toEqual(['parameter_missing', 'items[0][id]']);
    const noPrice = await stripeError(stripe.subscriptions.update(subscription, { items: [{ quantity: 2 }] }));
    expect([noPrice.code, noPrice.param]).toEqual(['parameter_missing', 'items[0][price]']);
    const last = await stripeError(stripe.subscriptionItems.del(items[0].id));
    expect([last.statusCode, last.message]).toEqual([400, expect.stringContaining('at least one active price')]);
    const usage = await stripeError(stripe.subscriptionItems.del(items[0].id, { clear_usage: true }));
    expect([usage.statusCode, usage.param]).toEqual([400, 'clear_usage']);
    const negative = await stripeError(stripe.subscriptionItems.update(items[0].id, { quantity: -1 }));
    expect([negative.statusCode, negative.param]).toEqual([400, 'quantity']);
    // 10.00 × 10,000,000 a month is past what EUR can be charged (999,999.99).
    const huge = await stripeError(stripe.subscriptions.update(subscription, { items: [{ id: items[0].id, quantity: 10_000_000 }] }));
    expect([huge.statusCode, huge.code, huge.param]).toEqual([400, 'amount_too_large', 'items[0][quantity]']);
    const list = await stripeError(stripe.subscriptionItems.list({} as { subscription: string }));
    expect([list.code, list.param]).toEqual(['parameter_missing', 'subscription']);
    const gone = await stripeError(stripe.subscriptionItems.retrieve('si_nope'));
    expect([gone.statusCode, gone.code]).toEqual([404, 'resource_missing']);
  });

  it('proration_date outside the current period, or with proration_behavior=none in a preview → 400 on that parameter', async () => {
    const { stripe } = await newMerchant();
    const basic = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const pro = await monthlyPrice(stripe, 2500, 'eur', 'Pro');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: basic.id }]);
    const change = [{ id: items[0].id, price: pro.id }];

    const early = await stripeError(
      stripe.subscriptions.update(subscription, { items: change, proration_date: items[0].current_period_start - 86_400 }),
    );
    expect([early.statusCode, early.param]).toEqual([400, 'proration_date']);
    const late = await stripeError(
      stripe.invoices.createPreview({
        subscription,
        subscription_details: { items: change, proration_date: items[0].current_period_end + 1 },
      }),
    );
    expect([late.statusCode, late.param]).toEqual([400, 'subscription_details[proration_date]']);
    const none = await stripeError(
      stripe.invoices.createPreview({
        subscription,
        subscription_details: { items: change, proration_behavior: 'none', proration_date: items[0].current_period_start },
      }),
    );
    expect(none.param).toBe('subscription_details[proration_behavior]');
    const badPrice = await stripeError(
      stripe.invoices.createPreview({ subscription, subscription_details: { items: [{ id: items[0].id, price: 'price_nope' }] } }),
    );
    expect([badPrice.code, badPrice.param]).toEqual(['resource_missing', 'subscription_details[items][0][price]']);
    const behavior = await stripeError(
      stripe.subscriptions.update(subscription, { items: change, proration_behavior: 'sometimes' as 'none' }),
    );
    expect([behavior.statusCode, behavior.param]).toEqual([400, 'proration_behavior']);
    expect((await stripe.invoiceItems.list({ customer })).data).toEqual([]);
  });

  it('a preview for a customer without a subscription → 404 invoice_upcoming_none; for their subscription → its renewal', async () => {
    const { stripe } = await newMerchant();
    const lonely = await stripe.customers.create({ email: 'lonely@example.com' });
    const none = await stripeError(stripe.invoices.createPreview({ customer: lonely.id }));
    expect([none.statusCode, none.code, none.message]).toEqual([
      404,
      'invoice_upcoming_none',
      `No upcoming invoices for customer: ${lonely.id}`,
    ]);
    const price = await monthlyPrice(stripe, 1500, 'eur', 'Basic');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: price.id, quantity: 2 }]);
    const preview = await stripe.invoices.createPreview({ customer });
    expect(preview).toMatchObject({ billing_reason: 'upcoming', status: 'draft', total: 3000 });
    expect(preview).not.toHaveProperty('subscription');
    expect(preview.parent?.subscription_details?.subscription).toBe(subscription);
    expect(preview.lines.data.map((l) => [l.amount, l.period.start, l.period.end > l.period.start])).toEqual([
      [3000, items[0].current_period_end, true],
    ]);
    const foreign = await stripeError(stripe.invoices.createPreview({ customer: lonely.id, subscription }));
    expect(foreign.param).toBe('customer');
  });
});
