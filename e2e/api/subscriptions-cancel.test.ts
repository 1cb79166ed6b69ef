import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { advanceClock, subscribedOnClock } from '../support/test-clocks';

const nowSeconds = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;

describe('canceling a subscription now (DELETE /v1/subscriptions/:id)', () => {
  it('→ canceled, canceled_at and ended_at now, the reasons kept, and customer.subscription.deleted', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const asked = nowSeconds();
    const canceled = await stripe.subscriptions.cancel(subscriptionId, {
      cancellation_details: { comment: 'Found a cheaper gym', feedback: 'too_expensive' },
    });
    expect(canceled).toMatchObject({
      id: subscriptionId,
      status: 'canceled',
      cancellation_details: { comment: 'Found a cheaper gym', feedback: 'too_expensive', reason: 'cancellation_requested' },
    });
    expect(defined(canceled.canceled_at, 'canceled_at')).toBeGreaterThanOrEqual(asked - 5);
    expect(canceled.ended_at).toBe(canceled.canceled_at);

    const events = await stripe.events.list({ type: 'customer.subscription.deleted' });
    const deleted = defined(
      events.data.find((e) => (e.data.object as Stripe.Subscription).id === subscriptionId),
      'customer.subscription.deleted',
    );
    expect(deleted.data.object).toMatchObject({ status: 'canceled', ended_at: canceled.ended_at });
    expect(deleted.data.previous_attributes).toBeUndefined();
    expect(deleted.request?.id).toMatch(/^req_/);
  });

  it('→ left out of the default list, shown with status=canceled, ended and all', async () => {
    const { stripe } = await newMerchant();
    const kept = await paidSubscription(stripe);
    const ended = await paidSubscription(stripe);
    await stripe.subscriptions.cancel(ended.subscriptionId);
    const ids = async (p: Stripe.SubscriptionListParams) => (await stripe.subscriptions.list(p)).data.map((s) => s.id);
    expect(await ids({})).toEqual([kept.subscriptionId]);
    expect(await ids({ status: 'canceled' })).toEqual([ended.subscriptionId]);
    expect(await ids({ status: 'ended' })).toEqual([ended.subscriptionId]);
    expect(await ids({ status: 'all' })).toEqual([ended.subscriptionId, kept.subscriptionId]);
    expect(await ids({ status: 'active' })).toEqual([kept.subscriptionId]);
  });

  it('twice → 404, as Stripe answers for a subscription that has ended', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    await stripe.subscriptions.cancel(subscriptionId);
    expect(await stripeError(stripe.subscriptions.cancel(subscriptionId))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: `No such subscription: '${subscriptionId}'`,
    });
  });

  it('prorate=true and invoice_now=true, ten days into a 31-day month → a final invoice crediting the 21 unused days, the credit on the customer’s balance', async () => {
    const { stripe } = await newMerchant();
    const start = Math.floor(Date.UTC(2031, 0, 15, 12) / 1000);
    const { clock, subscriptionId, customerId } = await subscribedOnClock(stripe, start, { unitAmount: 900 });
    await advanceClock(stripe, clock.id, start + 10 * DAY);
    const canceled = await stripe.subscriptions.cancel(subscriptionId, { prorate: true, invoice_now: true });
    expect(canceled).toMatchObject({ status: 'canceled', ended_at: start + 10 * DAY });
    const credit = -Math.round((900 * 21) / 31);
    const final = await stripe.invoices.retrieve(defined(canceled.latest_invoice as string | null, 'latest_invoice'));
    expect(final).toMatchObject({ status: 'paid', total: credit, amount_due: 0, ending_balance: credit });
    expect(final.lines.data.map((l) => [l.amount, l.description?.replace(/ after .*/, '')])).toEqual([
      [credit, 'Unused time on 1 × Pro plan'],
    ]);
    expect(((await stripe.customers.retrieve(customerId)) as Stripe.Customer).balance).toBe(credit);
  });

  it('invoice_now=true after an upgrade left prorations pending → the final invoice bills them and charges the card; both false → no invoice', async () => {
    const { stripe } = await newMerchant();
    const start = Math.floor(Date.UTC(2031, 0, 15, 12) / 1000);
    const { clock, subscriptionId } = await subscribedOnClock(stripe, start, { unitAmount: 900 });
    await advanceClock(stripe, clock.id, start + 10 * DAY);
    const item = defined((await stripe.subscriptions.retrieve(subscriptionId)).items.data[0], 'item');
    await stripe.subscriptions.update(subscriptionId, { items: [{ id: item.id, quantity: 2 }] });
    const canceled = await stripe.subscriptions.cancel(subscriptionId, { invoice_now: true });
    const final = await stripe.invoices.retrieve(defined(canceled.latest_invoice as string | null, 'latest_invoice'));
    const due = Math.round((1800 * 21) / 31) - Math.round((900 * 21) / 31);
    expect(final).toMatchObject({ status: 'paid', total: due, amount_paid: due });

    const other = await paidSubscription(stripe);
    const plain = await stripe.subscriptions.cancel(other.subscriptionId, { invoice_now: false, prorate: false });
    expect(plain).toMatchObject({ status: 'canceled', latest_invoice: other.invoiceId });
    expect((await stripe.invoices.list({ subscription: other.subscriptionId })).data).toHaveLength(1);
  });

  it('bad parameters → 400 naming the parameter', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const cases: [Stripe.SubscriptionCancelParams, string][] = [
      [{ invoice_now: 'soon' as unknown as boolean }, 'invoice_now'],
      [{ cancellation_details: { feedback: 'bored' as 'other' } }, 'cancellation_details[feedback]'],
      [{ refund: true } as Stripe.SubscriptionCancelParams, 'refund'],
    ];
    for (const [params, param] of cases)
      expect(await stripeError(stripe.subscriptions.cancel(subscriptionId, params))).toMatchObject({ statusCode: 400, param });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');
  });
});

describe('resuming a subscription', () => {
  it('that is not paused → 400, unchanged', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    expect(await stripeError(stripe.subscriptions.resume(subscriptionId))).toMatchObject({ statusCode: 400 });
    expect(
      await stripeError(stripe.subscriptions.resume(subscriptionId, { billing_cycle_anchor: { type: 'later' as 'now' } })),
    ).toMatchObject({ statusCode: 400, param: 'billing_cycle_anchor[type]' });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');
  });
});
