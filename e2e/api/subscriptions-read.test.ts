import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };

describe('a subscription started by a paid checkout', () => {
  it("a monthly price and a one-time price paid on the page → an active subscription of the monthly item, every field of Stripe's Subscription", async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSubscription(stripe, { oneTimeAmount: 2500 });
    const sub = await stripe.subscriptions.retrieve(paid.subscriptionId);

    expect(shapeGaps(sub, sdkFields('Subscriptions', ['Subscription']))).toEqual(noGaps);
    expect(sub).toMatchObject({
      object: 'subscription',
      status: 'active',
      customer: paid.customerId,
      currency: 'eur',
      collection_method: 'charge_automatically',
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      latest_invoice: paid.invoiceId,
      test_clock: null,
      items: { object: 'list', has_more: false, url: `/v1/subscription_items?subscription=${sub.id}` },
    });
    expect(sub.default_payment_method).toMatch(/^pm_/);
    expect(sub.items.data).toHaveLength(1);
    const item = sub.items.data[0];
    expect(shapeGaps(item, sdkFields('SubscriptionItems', ['SubscriptionItem']))).toEqual(noGaps);
    expect(item).toMatchObject({ object: 'subscription_item', quantity: 1, subscription: sub.id, price: { id: paid.priceId } });
    expect(item.current_period_end).toBeGreaterThan(item.current_period_start);
    expect(item.current_period_start).toBe(sub.start_date);
  });

  it('expand latest_invoice, customer, default_payment_method and items.data.price.product → the objects inline', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSubscription(stripe, { oneTimeAmount: 2500 });
    const sub = await stripe.subscriptions.retrieve(paid.subscriptionId, {
      expand: ['latest_invoice', 'customer', 'default_payment_method', 'items.data.price.product'],
    });
    expect(sub.latest_invoice).toMatchObject({ object: 'invoice', id: paid.invoiceId, status: 'paid' });
    expect(sub.customer).toMatchObject({ object: 'customer', id: paid.customerId });
    expect(sub.default_payment_method).toMatchObject({ object: 'payment_method', type: 'card', customer: paid.customerId });
    expect(sub.items.data[0].price.product).toMatchObject({ object: 'product', name: 'Pro plan' });

    const bad = await stripeError(stripe.subscriptions.retrieve(paid.subscriptionId, { expand: ['items'] }));
    expect(bad).toMatchObject({ statusCode: 400, param: 'expand' });
  });
});

describe('listing subscriptions', () => {
  it('filters by customer, price, status, created and current_period_end; pages with limit and starting_after', async () => {
    const { stripe } = await newMerchant();
    const first = await paidSubscription(stripe, { oneTimeAmount: 2500 });
    const second = await paidSubscription(stripe);
    const ids = (list: Stripe.ApiList<Stripe.Subscription>) => list.data.map((s) => s.id);

    const all = await stripe.subscriptions.list();
    expect(all).toMatchObject({ object: 'list', url: '/v1/subscriptions', has_more: false });
    expect(ids(all)).toEqual([second.subscriptionId, first.subscriptionId]);

    expect(ids(await stripe.subscriptions.list({ customer: first.customerId }))).toEqual([first.subscriptionId]);
    expect(ids(await stripe.subscriptions.list({ price: second.priceId }))).toEqual([second.subscriptionId]);
    expect(ids(await stripe.subscriptions.list({ plan: first.priceId }))).toEqual([first.subscriptionId]);
    // The one-time price bought in the same cart is not an item of the subscription.
    const oneTime = (await stripe.invoices.listLineItems(first.invoiceId)).data.find(
      (l) => l.pricing?.price_details?.price !== first.priceId,
    );
    expect(
      ids(await stripe.subscriptions.list({ price: defined(oneTime?.pricing?.price_details?.price as string, 'one-time price') })),
    ).toEqual([]);
    expect(ids(await stripe.subscriptions.list({ status: 'active' }))).toHaveLength(2);
    expect(ids(await stripe.subscriptions.list({ status: 'all' }))).toHaveLength(2);
    expect(ids(await stripe.subscriptions.list({ status: 'canceled' }))).toEqual([]);
    expect(ids(await stripe.subscriptions.list({ status: 'ended' }))).toEqual([]);
    expect(ids(await stripe.subscriptions.list({ collection_method: 'send_invoice' }))).toEqual([]);
    expect(ids(await stripe.subscriptions.list({ test_clock: 'clock_unknown' }))).toEqual([]);

    const created = (await stripe.subscriptions.retrieve(first.subscriptionId)).created;
    expect(ids(await stripe.subscriptions.list({ created: { gte: created + 86_400 } }))).toEqual([]);
    expect(ids(await stripe.subscriptions.list({ created: { lte: created + 86_400 } }))).toHaveLength(2);
    const periodEnd = (await stripe.subscriptions.retrieve(first.subscriptionId)).items.data[0].current_period_end;
    expect(ids(await stripe.subscriptions.list({ current_period_end: { gt: periodEnd + 86_400 } }))).toEqual([]);
    expect(ids(await stripe.subscriptions.list({ current_period_end: { gte: periodEnd - 86_400 } }))).toHaveLength(2);

    const page = await stripe.subscriptions.list({ limit: 1 });
    expect(page).toMatchObject({ has_more: true });
    expect(ids(page)).toEqual([second.subscriptionId]);
    const next = await stripe.subscriptions.list({ limit: 1, starting_after: second.subscriptionId });
    expect(next).toMatchObject({ has_more: false });
    expect(ids(next)).toEqual([first.subscriptionId]);
    expect(ids(await stripe.subscriptions.list({ ending_before: first.subscriptionId }))).toEqual([second.subscriptionId]);
  });

  it('expand data.customer → each subscription with its customer', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSubscription(stripe);
    const list = await stripe.subscriptions.list({ expand: ['data.customer', 'data.latest_invoice'] });
    expect(list.data[0].customer).toMatchObject({ object: 'customer', id: paid.customerId });
    expect(list.data[0].latest_invoice).toMatchObject({ object: 'invoice', id: paid.invoiceId });
  });

  it('bad parameters → 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    // Each refused call starts only when it is checked, so no rejection waits unhandled.
    const cases: [() => Promise<unknown>, string][] = [
      [() => stripe.subscriptions.list({ status: 'sleeping' as 'active' }), 'status'],
      [() => stripe.subscriptions.list({ limit: 0 }), 'limit'],
      [() => stripe.subscriptions.list({ created: { after: 1 } as Stripe.RangeQueryParam }), 'created[after]'],
      [() => stripe.subscriptions.list({ starting_after: 'sub_unknown' }), 'starting_after'],
      [() => stripe.subscriptions.list({ customer_account: 'acct_x' }), 'customer_account'],
      [() => stripe.subscriptions.list({ colour: 'red' } as Stripe.SubscriptionListParams), 'colour'],
    ];
    for (const [call, param] of cases) expect(await stripeError(call())).toMatchObject({ statusCode: 400, param });
  });
});

describe("another account's subscription", () => {
  it('retrieve, update, cancel and resume → 404, as an unknown id', async () => {
    const owner = await newMerchant();
    const paid = await paidSubscription(owner.stripe);
    const { stripe } = await newMerchant('Other Shop');
    const id = paid.subscriptionId;
    const missing = { statusCode: 404, code: 'resource_missing', message: `No such subscription: '${id}'` };
    expect(await stripeError(stripe.subscriptions.retrieve(id))).toMatchObject(missing);
    expect(await stripeError(stripe.subscriptions.update(id, { metadata: { a: 'b' } }))).toMatchObject(missing);
    expect(await stripeError(stripe.subscriptions.cancel(id))).toMatchObject(missing);
    expect(await stripeError(stripe.subscriptions.resume(id))).toMatchObject(missing);
    expect((await stripe.subscriptions.list({ customer: paid.customerId })).data).toEqual([]);
    expect((await owner.stripe.subscriptions.retrieve(id)).status).toBe('active');
  });
});
