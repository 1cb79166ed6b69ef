import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { advanceClock, subscribedOnClock } from '../support/test-clocks';

const DAY = 86_400;

describe('test clocks through the official SDK', () => {
  it('a clock is created, listed, retrieved and deleted with its customer; it refuses going backwards', async () => {
    const { stripe } = await newMerchant();
    const frozen = Math.floor(Date.UTC(2031, 0, 1) / 1000);
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: frozen, name: 'Monthly renewals' });
    expect(clock).toMatchObject({ object: 'test_helpers.test_clock', frozen_time: frozen, name: 'Monthly renewals', status: 'ready' });
    expect(clock.id).toMatch(/^clock_/);
    expect((await stripe.testHelpers.testClocks.list()).data.map((c) => c.id)).toEqual([clock.id]);
    const customer = await stripe.customers.create({ email: 'a@example.com', test_clock: clock.id });
    expect(customer.test_clock).toBe(clock.id);
    expect((await stripe.customers.list({ test_clock: clock.id })).data.map((c) => c.id)).toEqual([customer.id]);
    const backwards = await stripeError(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: frozen - 1 }));
    expect(backwards).toMatchObject({ statusCode: 400, param: 'frozen_time' });
    expect(await stripe.testHelpers.testClocks.del(clock.id)).toEqual({ id: clock.id, object: 'test_helpers.test_clock', deleted: true });
    expect((await stripeError(stripe.testHelpers.testClocks.retrieve(clock.id))).statusCode).toBe(404);
    // Its customer went with it: Stripe shows a deleted customer as such.
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ id: customer.id, deleted: true });
  });

  it('another account’s clock → 404, and a customer cannot be put on it', async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const clock = await a.stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) });
    expect((await stripeError(b.stripe.testHelpers.testClocks.retrieve(clock.id))).statusCode).toBe(404);
    expect(
      (await stripeError(b.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: clock.frozen_time + DAY }))).statusCode,
    ).toBe(404);
    expect(await stripeError(b.stripe.customers.create({ test_clock: clock.id }))).toMatchObject({ statusCode: 400, param: 'test_clock' });
  });

  it('a mixed cart bought on Jan 31, the clock advanced a year → twelve cycle invoices paid at the price, on the last day of each month', async () => {
    const { stripe } = await newMerchant();
    const jan31 = Math.floor(Date.UTC(2031, 0, 31, 10) / 1000);
    const { clock, subscriptionId, invoiceId } = await subscribedOnClock(stripe, jan31, { unitAmount: 900, oneTimeAmount: 500 });
    const sub = await stripe.subscriptions.retrieve(subscriptionId);
    expect(sub).toMatchObject({ status: 'active', test_clock: clock.id, start_date: jan31, latest_invoice: invoiceId });
    const first = await stripe.invoices.retrieve(invoiceId);
    expect(first).toMatchObject({ status: 'paid', billing_reason: 'subscription_create', amount_paid: 1400 });
    expect(first.lines.data.map((l) => l.amount).sort()).toEqual([500, 900]);

    const ready = await advanceClock(stripe, clock.id, Math.floor(Date.UTC(2032, 0, 31, 11) / 1000));
    expect(ready.frozen_time).toBe(Math.floor(Date.UTC(2032, 0, 31, 11) / 1000));
    const cycle = (await stripe.invoices.list({ subscription: subscriptionId, limit: 100 })).data.filter(
      (i) => i.billing_reason === 'subscription_cycle',
    );
    expect(cycle).toHaveLength(12);
    expect(cycle.every((i) => i.status === 'paid' && i.amount_paid === 900)).toBe(true);
    const lineStarts = cycle.map((i) => new Date(defined(i.lines.data[0], 'a line').period.start * 1000).toISOString().slice(0, 10)).sort();
    expect(lineStarts).toEqual([
      '2031-02-28',
      '2031-03-31',
      '2031-04-30',
      '2031-05-31',
      '2031-06-30',
      '2031-07-31',
      '2031-08-31',
      '2031-09-30',
      '2031-10-31',
      '2031-11-30',
      '2031-12-31',
      '2032-01-31',
    ]);
    const after = await stripe.subscriptions.retrieve(subscriptionId);
    expect(after.status).toBe('active');
    expect(after.items.data[0]?.current_period_end).toBe(Math.floor(Date.UTC(2032, 1, 29, 10) / 1000));
  });

  it('a trial on a card that only saves → past_due when it ends, then canceled when the retries run out', async () => {
    const { stripe } = await newMerchant();
    const start = Math.floor(Date.UTC(2031, 4, 1, 12) / 1000);
    const { clock, subscriptionId } = await subscribedOnClock(stripe, start, {
      card: '4000 0000 0000 0341',
      params: { subscription_data: { trial_period_days: 7 } },
    });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('trialing');
    await advanceClock(stripe, clock.id, start + 7 * DAY + 60);
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('past_due');
    const [open] = (await stripe.invoices.list({ subscription: subscriptionId, status: 'open' })).data;
    expect(open).toMatchObject({ attempt_count: 1, amount_remaining: 900, next_payment_attempt: start + 10 * DAY });
    await advanceClock(stripe, clock.id, start + 30 * DAY);
    const ended = await stripe.subscriptions.retrieve(subscriptionId);
    expect(ended).toMatchObject({ status: 'canceled', cancellation_details: { reason: 'payment_failed' } });
    expect((await stripe.invoices.retrieve(defined(open, 'the open invoice').id)).attempt_count).toBe(4);
  });
});
