import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { monthlyPrice } from '../support/catalog';
import { newMerchant } from '../support/merchant';
import { subscribedTo } from '../support/subscription-items';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };

/** Half away from zero, as every proration line is rounded. */
const prorated = (full: number, item: Stripe.SubscriptionItem, at: number) =>
  Math.round((full * (item.current_period_end - at)) / (item.current_period_end - item.current_period_start));

/** A moment a third into the item's period: a fixed proration_date for a preview and the change after it. */
const aThirdIn = (item: Stripe.SubscriptionItem) =>
  item.current_period_start + Math.floor((item.current_period_end - item.current_period_start) / 3);

const prorationLines = (invoice: Stripe.Invoice) => invoice.lines.data.filter((l) => l.parent?.subscription_item_details?.proration);
const pendingItems = async (stripe: Stripe, customer: string) =>
  (await stripe.invoiceItems.list({ customer, pending: true })).data.reverse();

describe('changing a subscription’s items, prorated', () => {
  it('an upgrade mid-period at a fixed proration_date → the pending prorations are exactly the preview’s, and the preview bills the new price next', async () => {
    const { stripe } = await newMerchant();
    const basic = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const pro = await monthlyPrice(stripe, 2500, 'eur', 'Pro');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: basic.id }]);
    const item = items[0];
    const at = aThirdIn(item);

    const preview = await stripe.invoices.createPreview({
      subscription,
      subscription_details: { items: [{ id: item.id, price: pro.id }], proration_date: at },
    });
    expect(preview.id).toMatch(/^upcoming_in_/);
    expect(shapeGaps(preview, sdkFields('Invoices', ['Invoice']))).toEqual(noGaps);
    const previewed = prorationLines(preview);
    expect(previewed.map((l) => [l.amount, l.description])).toEqual([
      [-prorated(1000, item, at), expect.stringMatching(/^Unused time on 1 × Basic after \d\d [A-Z][a-z]{2} \d{4}$/)],
      [prorated(2500, item, at), expect.stringMatching(/^Remaining time on 1 × Pro after /)],
    ]);
    const renewal = preview.lines.data.filter((l) => !l.parent?.subscription_item_details?.proration);
    expect(renewal.map((l) => [l.amount, l.description, l.period.start])).toEqual([[2500, '1 × Pro', item.current_period_end]]);
    expect(preview.total).toBe(previewed[0].amount + previewed[1].amount + 2500);

    const updated = await stripe.subscriptions.update(subscription, { items: [{ id: item.id, price: pro.id }], proration_date: at });
    expect(updated.items.data.map((i) => [i.id, i.price.id, i.quantity])).toEqual([[item.id, pro.id, 1]]);
    const pending = await pendingItems(stripe, customer);
    expect(pending.map((i) => [i.amount, i.description, i.proration, i.period])).toEqual(
      previewed.map((l) => [l.amount, l.description, true, { start: at, end: item.current_period_end }]),
    );
    expect(shapeGaps(pending[0], sdkFields('InvoiceItems', ['InvoiceItem']))).toEqual(noGaps);
    expect(pending[0]).toMatchObject({
      object: 'invoiceitem',
      invoice: null,
      discountable: false,
      parent: { type: 'subscription_details', subscription_details: { subscription, subscription_item: item.id } },
      pricing: { price_details: { price: basic.id } },
    });

    const [event] = (await stripe.events.list({ type: 'customer.subscription.updated' })).data;
    const before = (event.data.previous_attributes as { items: Stripe.ApiList<Stripe.SubscriptionItem> }).items;
    expect(before.data.map((i) => i.price.id)).toEqual([basic.id]);
    expect((event.data.object as Stripe.Subscription).items.data.map((i) => i.price.id)).toEqual([pro.id]);
    expect((await stripe.events.list({ type: 'invoiceitem.created' })).data).toHaveLength(2);
  });

  it('a downgrade → a credit larger than the charge; the customer is owed the difference on the next invoice', async () => {
    const { stripe } = await newMerchant();
    const pro = await monthlyPrice(stripe, 4000, 'eur', 'Pro');
    const basic = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: pro.id }]);
    const at = aThirdIn(items[0]);
    await stripe.subscriptions.update(subscription, { items: [{ id: items[0].id, price: basic.id }], proration_date: at });
    const amounts = (await pendingItems(stripe, customer)).map((i) => i.amount);
    expect(amounts).toEqual([-prorated(4000, items[0], at), prorated(1000, items[0], at)]);
    expect(amounts[0] + amounts[1]).toBeLessThan(0);
  });

  it('a quantity change from 1 to 3 → "Unused time on 1 × …" and "Remaining time on 3 × …"', async () => {
    const { stripe } = await newMerchant();
    const seat = await monthlyPrice(stripe, 1200, 'eur', 'Seat');
    const { customer, items } = await subscribedTo(stripe, [{ price: seat.id }]);
    const at = aThirdIn(items[0]);
    const item = await stripe.subscriptionItems.update(items[0].id, { quantity: 3, proration_date: at });
    expect([item.quantity, item.price.id]).toEqual([3, seat.id]);
    expect(shapeGaps(item, sdkFields('SubscriptionItems', ['SubscriptionItem']))).toEqual(noGaps);
    const pending = await pendingItems(stripe, customer);
    expect(pending.map((i) => [i.amount, i.quantity, (i.description ?? '').replace(/ after .*/, '')])).toEqual([
      [-prorated(1200, items[0], at), 1, 'Unused time on 1 × Seat'],
      [prorated(3600, items[0], at), 3, 'Remaining time on 3 × Seat'],
    ]);
  });

  it('proration_behavior=none → the price changes, nothing is prorated', async () => {
    const { stripe } = await newMerchant();
    const basic = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const pro = await monthlyPrice(stripe, 2500, 'eur', 'Pro');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: basic.id, quantity: 2 }]);
    const updated = await stripe.subscriptions.update(subscription, {
      items: [{ id: items[0].id, price: pro.id }],
      proration_behavior: 'none',
    });
    // A new price starts at quantity 1 unless one is given, as with Stripe.
    expect(updated.items.data.map((i) => [i.price.id, i.quantity])).toEqual([[pro.id, 1]]);
    expect(await pendingItems(stripe, customer)).toEqual([]);
  });

  it('proration_behavior=always_invoice → a subscription_update invoice of the prorations, as previewed, paid at once with the saved card', async () => {
    const { stripe } = await newMerchant();
    const basic = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const pro = await monthlyPrice(stripe, 2500, 'eur', 'Pro');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: basic.id }]);
    const at = aThirdIn(items[0]);
    const change = { items: [{ id: items[0].id, price: pro.id }], proration_behavior: 'always_invoice' as const, proration_date: at };
    const preview = await stripe.invoices.createPreview({ subscription, subscription_details: change });
    expect(preview.billing_reason).toBe('subscription_update');
    const updated = await stripe.subscriptions.update(subscription, { ...change, expand: ['latest_invoice'] });
    const invoice = updated.latest_invoice as Stripe.Invoice;
    const due = prorated(2500, items[0], at) - prorated(1000, items[0], at);
    expect(invoice).toMatchObject({
      object: 'invoice',
      billing_reason: 'subscription_update',
      status: 'paid',
      customer,
      parent: { subscription_details: { subscription } },
      amount_due: due,
      amount_paid: due,
      amount_remaining: 0,
      attempt_count: 1,
      next_payment_attempt: null,
    });
    expect(updated.status).toBe('active');
    expect(invoice.number).toMatch(/^[0-9A-F]{8}-\d{4}$/);
    expect(invoice.lines.data.map((l) => l.amount)).toEqual(prorationLines(preview).map((l) => l.amount));
    expect(preview.total).toBe(invoice.total);
    const lineItems = invoice.lines.data.map((l) => l.parent?.subscription_item_details?.invoice_item);
    const attached = (await stripe.invoiceItems.list({ invoice: invoice.id })).data.map((i) => i.id);
    expect([...lineItems].sort()).toEqual([...attached].sort());
    expect(await pendingItems(stripe, customer)).toEqual([]);
    const types = (await stripe.events.list({ limit: 30 })).data.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['invoice.created', 'invoice.finalized', 'invoice.paid', 'customer.subscription.updated']),
    );
  });

  it('always_invoice with a card declined off session (it asks for 3-D Secure every time) → the change stands, its invoice stays open on the retry schedule, the subscription is past due', async () => {
    const { stripe } = await newMerchant();
    const basic = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const pro = await monthlyPrice(stripe, 2500, 'eur', 'Pro');
    const { subscription, items } = await subscribedTo(stripe, [{ price: basic.id }], { card: '4000 0027 6000 3184' });
    const updated = await stripe.subscriptions.update(subscription, {
      items: [{ id: items[0].id, price: pro.id }],
      proration_behavior: 'always_invoice',
      expand: ['latest_invoice'],
    });
    expect([updated.status, updated.items.data.map((i) => i.price.id)]).toEqual(['past_due', [pro.id]]);
    expect(updated.latest_invoice).toMatchObject({
      billing_reason: 'subscription_update',
      status: 'open',
      attempt_count: 1,
      amount_paid: 0,
      next_payment_attempt: expect.any(Number) as unknown,
    });
    expect((await stripe.events.list({ type: 'invoice.payment_failed' })).data).toHaveLength(1);
  });

  it('always_invoice on a downgrade → nothing to pay: the invoice is paid and the credit stays on the customer’s balance', async () => {
    const { stripe } = await newMerchant();
    const pro = await monthlyPrice(stripe, 4000, 'eur', 'Pro');
    const basic = await monthlyPrice(stripe, 1000, 'eur', 'Basic');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: pro.id }]);
    const at = aThirdIn(items[0]);
    const updated = await stripe.subscriptions.update(subscription, {
      items: [{ id: items[0].id, price: basic.id }],
      proration_behavior: 'always_invoice',
      proration_date: at,
      expand: ['latest_invoice'],
    });
    const invoice = updated.latest_invoice as Stripe.Invoice;
    const total = prorated(1000, items[0], at) - prorated(4000, items[0], at);
    expect(invoice).toMatchObject({ status: 'paid', total, amount_due: 0, starting_balance: 0, ending_balance: total });
    expect((await stripe.customers.retrieve(customer)) as Stripe.Customer).toMatchObject({ balance: total });
  });

  it('adding and removing items through /v1/subscription_items → a charge for the new one, a credit for the removed one', async () => {
    const { stripe } = await newMerchant();
    const base = await monthlyPrice(stripe, 1000, 'eur', 'Base');
    const addon = await monthlyPrice(stripe, 600, 'eur', 'Add-on');
    const { subscription, customer, items } = await subscribedTo(stripe, [{ price: base.id }]);
    const at = aThirdIn(items[0]);
    const added = await stripe.subscriptionItems.create({ subscription, price: addon.id, quantity: 2, proration_date: at });
    expect(added).toMatchObject({ object: 'subscription_item', subscription, quantity: 2, price: { id: addon.id } });
    expect(await stripe.subscriptionItems.retrieve(added.id)).toEqual(added);
    expect((await stripe.subscriptionItems.list({ subscription })).data.map((i) => i.id)).toEqual([added.id, items[0].id]);

    expect(await stripe.subscriptionItems.del(added.id, { proration_date: at })).toEqual({
      id: added.id,
      object: 'subscription_item',
      deleted: true,
    });
    const pending = await pendingItems(stripe, customer);
    expect(pending.map((i) => [i.amount, (i.description ?? '').replace(/ after .*/, '')])).toEqual([
      [prorated(1200, items[0], at), 'Remaining time on 2 × Add-on'],
      [-prorated(1200, items[0], at), 'Unused time on 2 × Add-on'],
    ]);
    expect((await stripe.subscriptionItems.list({ subscription })).data.map((i) => i.id)).toEqual([items[0].id]);
  });
});
