import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };

describe("a subscription's first invoice", () => {
  it("invoices.list({ subscription }) → one paid invoice (subscription_create) with both lines of the cart, numbered XXXXXXXX-0001, every field of Stripe's Invoice", async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSubscription(stripe, { oneTimeAmount: 2500 });
    const list = await stripe.invoices.list({ subscription: paid.subscriptionId });
    expect(list).toMatchObject({ object: 'list', url: '/v1/invoices', has_more: false });
    expect(list.data).toHaveLength(1);
    const invoice = list.data[0];

    expect(shapeGaps(invoice, sdkFields('Invoices', ['Invoice']))).toEqual(noGaps);
    expect(invoice).toMatchObject({
      id: paid.invoiceId,
      object: 'invoice',
      status: 'paid',
      billing_reason: 'subscription_create',
      collection_method: 'charge_automatically',
      customer: paid.customerId,
      currency: 'eur',
      subtotal: 3400,
      total: 3400,
      amount_due: 3400,
      amount_paid: 3400,
      amount_remaining: 0,
      attempted: true,
      parent: { type: 'subscription_details', subscription_details: { subscription: paid.subscriptionId } },
      lines: { object: 'list', has_more: false, url: `/v1/invoices/${paid.invoiceId}/lines` },
    });
    expect(invoice.number).toMatch(/^[0-9A-F]{8}-0001$/);
    expect(invoice.hosted_invoice_url).toMatch(new RegExp(`/i/${paid.invoiceId}/`));
    expect(invoice.status_transitions.paid_at).toBe(invoice.status_transitions.finalized_at);

    const [membership, kit] = invoice.lines.data;
    expect(shapeGaps(membership, sdkFields('InvoiceLineItems', ['InvoiceLineItem']))).toEqual(noGaps);
    const item = (await stripe.subscriptions.retrieve(paid.subscriptionId)).items.data[0];
    expect(membership).toMatchObject({
      object: 'line_item',
      amount: 900,
      quantity: 1,
      invoice: paid.invoiceId,
      subscription: paid.subscriptionId,
      pricing: { type: 'price_details', price_details: { price: paid.priceId } },
      parent: { type: 'subscription_item_details', subscription_item_details: { subscription_item: item.id, proration: false } },
      period: { start: item.current_period_start, end: item.current_period_end },
    });
    expect(kit).toMatchObject({ amount: 2500, quantity: 1, subscription: null, parent: null });
    const kitPrice = await stripe.prices.retrieve(defined(kit.pricing?.price_details?.price as string, 'the one-time price'));
    expect(kitPrice).toMatchObject({ type: 'one_time', unit_amount: 2500 });
    expect(kit.period.start).toBe(kit.period.end);
  });

  it('expand payments → the payment intent of the checkout as an InvoicePayment, its id the same each time', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSubscription(stripe, { oneTimeAmount: 2500 });
    const expanded = await stripe.invoices.retrieve(paid.invoiceId, {
      expand: ['payments.data.payment.payment_intent', 'customer', 'parent.subscription_details.subscription'],
    });
    const payments = defined(expanded.payments, 'payments');
    expect(payments).toMatchObject({ object: 'list', has_more: false });
    expect(payments.data).toHaveLength(1);
    const payment = payments.data[0];
    expect(shapeGaps(payment, sdkFields('InvoicePayments', ['InvoicePayment']))).toEqual(noGaps);
    expect(payment).toMatchObject({
      object: 'invoice_payment',
      invoice: paid.invoiceId,
      amount_paid: 3400,
      amount_requested: 3400,
      currency: 'eur',
      is_default: true,
      status: 'paid',
      status_transitions: { paid_at: expanded.status_transitions.paid_at, canceled_at: null },
      payment: {
        type: 'payment_intent',
        payment_intent: { object: 'payment_intent', id: paid.session.payment_intent, status: 'succeeded' },
      },
    });
    expect(payment.id).toMatch(/^inpay_/);
    expect(expanded.customer).toMatchObject({ object: 'customer', id: paid.customerId });
    expect(expanded.parent?.subscription_details?.subscription).toMatchObject({ object: 'subscription', id: paid.subscriptionId });

    const again = await stripe.invoices.retrieve(paid.invoiceId, { expand: ['payments'] });
    expect(again.payments?.data[0].id).toBe(payment.id);
    expect((await stripe.invoices.retrieve(paid.invoiceId)).payments).toBeUndefined();
  });

  it('its lines: GET /v1/invoices/:id/lines pages in the order of the invoice; expand data.pricing.price_details.price', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSubscription(stripe, { oneTimeAmount: 2500 });
    const all = await stripe.invoices.listLineItems(paid.invoiceId, { expand: ['data.pricing.price_details.price'] });
    expect(all).toMatchObject({ object: 'list', has_more: false, url: `/v1/invoices/${paid.invoiceId}/lines` });
    expect(all.data.map((l) => (l.pricing?.price_details?.price as Stripe.Price).type)).toEqual(['recurring', 'one_time']);
    expect((all.data[0].pricing?.price_details?.price as Stripe.Price).id).toBe(paid.priceId);

    const first = await stripe.invoices.listLineItems(paid.invoiceId, { limit: 1 });
    expect(first).toMatchObject({ has_more: true });
    const second = await stripe.invoices.listLineItems(paid.invoiceId, { limit: 1, starting_after: first.data[0].id });
    expect(second).toMatchObject({ has_more: false });
    expect(second.data.map((l) => l.id)).toEqual([all.data[1].id]);
    const back = await stripe.invoices.listLineItems(paid.invoiceId, { ending_before: all.data[1].id });
    expect(back.data.map((l) => l.id)).toEqual([all.data[0].id]);
    expect(await stripeError(stripe.invoices.listLineItems(paid.invoiceId, { starting_after: 'il_unknown' }))).toMatchObject({
      statusCode: 400,
      param: 'starting_after',
    });
  });
});

describe('listing invoices', () => {
  it('filters by customer, subscription, status, created and collection_method; numbers follow each other', async () => {
    const { stripe } = await newMerchant();
    const first = await paidSubscription(stripe);
    const second = await paidSubscription(stripe);
    const ids = async (p: Stripe.InvoiceListParams) => (await stripe.invoices.list(p)).data.map((i) => i.id);

    const all = await stripe.invoices.list();
    expect(all.data.map((i) => i.id)).toEqual([second.invoiceId, first.invoiceId]);
    const [prefix, n] = defined(all.data[1].number, 'number').split('-');
    expect(n).toBe('0001');
    expect(all.data[0].number).toBe(`${prefix}-0002`);

    expect(await ids({ customer: first.customerId })).toEqual([first.invoiceId]);
    expect(await ids({ subscription: second.subscriptionId })).toEqual([second.invoiceId]);
    expect(await ids({ status: 'paid' })).toHaveLength(2);
    expect(await ids({ status: 'open' })).toEqual([]);
    expect(await ids({ collection_method: 'charge_automatically' })).toHaveLength(2);
    expect(await ids({ collection_method: 'send_invoice' })).toEqual([]);
    expect(await ids({ due_date: { gte: 0 } })).toEqual([]);
    const created = all.data[1].created;
    expect(await ids({ created: { lt: created } })).toEqual([]);
    expect(await ids({ created: { gte: created } })).toHaveLength(2);
    expect(await ids({ limit: 1, starting_after: second.invoiceId })).toEqual([first.invoiceId]);
  });

  it('bad parameters → 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    // Each refused call starts only when it is checked, so no rejection waits unhandled.
    const cases: [() => Promise<unknown>, string][] = [
      [() => stripe.invoices.list({ status: 'late' as 'open' }), 'status'],
      [() => stripe.invoices.list({ limit: 101 }), 'limit'],
      [() => stripe.invoices.list({ created: 'yesterday' as unknown as number }), 'created'],
      [() => stripe.invoices.list({ starting_after: 'in_unknown' }), 'starting_after'],
      [() => stripe.invoices.list({ customer_account: 'acct_x' }), 'customer_account'],
    ];
    for (const [call, param] of cases) expect(await stripeError(call())).toMatchObject({ statusCode: 400, param });
  });
});

describe("another account's invoice", () => {
  it('retrieve, its lines, update, finalize, pay, void and mark_uncollectible → 404, as an unknown id', async () => {
    const owner = await newMerchant();
    const paid = await paidSubscription(owner.stripe);
    const { stripe } = await newMerchant('Other Shop');
    const id = paid.invoiceId;
    const missing = { statusCode: 404, code: 'resource_missing', message: `No such invoice: '${id}'` };
    expect(await stripeError(stripe.invoices.retrieve(id))).toMatchObject(missing);
    expect(await stripeError(stripe.invoices.listLineItems(id))).toMatchObject(missing);
    expect(await stripeError(stripe.invoices.update(id, { metadata: { a: 'b' } }))).toMatchObject(missing);
    expect(await stripeError(stripe.invoices.finalizeInvoice(id))).toMatchObject(missing);
    expect(await stripeError(stripe.invoices.pay(id))).toMatchObject(missing);
    expect(await stripeError(stripe.invoices.voidInvoice(id))).toMatchObject(missing);
    expect(await stripeError(stripe.invoices.markUncollectible(id))).toMatchObject(missing);
    expect((await stripe.invoices.list({ subscription: paid.subscriptionId })).data).toEqual([]);
    expect((await owner.stripe.invoices.retrieve(id)).status).toBe('paid');
  });
});
