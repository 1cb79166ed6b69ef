import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { advanceClock } from '../support/test-clocks';
import { trialSessionOnClock } from '../support/trials';
import { postEmailOnly, postPayForm } from './pay-without-javascript';

// Trials through the official SDK, with and without a card: `payment_method_collection=if_required`
// lets the customer start a free trial giving only their email, and the trial's end then does what
// `trial_settings.end_behavior.missing_payment_method` says (Stripe's docs, "Configure free trials").

const DAY = 86_400;
type EndBehavior = Stripe.Checkout.SessionCreateParams.SubscriptionData.TrialSettings.EndBehavior.MissingPaymentMethod;

/** A customer on a fresh test clock and a monthly €9.00 plan with a 14-day trial that collects a card only if required. */
async function cardlessTrial(stripe: Stripe, missing: EndBehavior) {
  const start = Math.floor(Date.UTC(2031, 4, 10, 8) / 1000);
  const { clock, customer, created } = await trialSessionOnClock(stripe, start, {
    params: {
      payment_method_collection: 'if_required',
      subscription_data: { trial_period_days: 14, trial_settings: { end_behavior: { missing_payment_method: missing } } },
    },
  });
  expect(created).toMatchObject({ payment_method_collection: 'if_required', amount_total: 0 });
  const posted = await postEmailOnly(defined(created.url, 'session.url'), 'jenny@example.com');
  // Nothing on the page asks for a card, a bank account or a billing address.
  expect(posted.form).not.toMatch(/name="(card\.number|sepa\.iban|billing\.country)"/);
  expect(posted.status).toBe(303);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'no_payment_required', payment_intent: null });
  const subscriptionId = defined(session.subscription as string | null, 'session.subscription');
  return { clock, start, customer, subscriptionId, session };
}

const eventsAbout = async (stripe: Stripe, id: string) =>
  (await stripe.events.list({ limit: 100 })).data.filter((e) => (e.data.object as { id?: string }).id === id).map((e) => e.type);

describe('free trials started on the checkout page', () => {
  it('without a card (if_required): trialing with no payment method; at its end an invoice the customer pays on the hosted page → active', async () => {
    const { stripe } = await newMerchant();
    const { clock, start, subscriptionId, session } = await cardlessTrial(stripe, 'create_invoice');
    const trialing = await stripe.subscriptions.retrieve(subscriptionId);
    expect(trialing).toMatchObject({
      status: 'trialing',
      default_payment_method: null,
      trial_start: start,
      trial_end: start + 14 * DAY,
      trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    });
    expect(await stripe.invoices.retrieve(defined(session.invoice as string | null, 'session.invoice'))).toMatchObject({
      status: 'paid',
      amount_due: 0,
      billing_reason: 'subscription_create',
    });
    expect((await stripe.customers.listPaymentMethods(defined(session.customer as string | null, 'customer'))).data).toEqual([]);

    await advanceClock(stripe, clock.id, start + 14 * DAY + 60);
    // Nothing to charge: the first real invoice stays open and the subscription waits for it.
    const [open] = (await stripe.invoices.list({ subscription: subscriptionId, status: 'open' })).data;
    const invoice = defined(open, 'the open invoice');
    expect(invoice).toMatchObject({ billing_reason: 'subscription_cycle', amount_due: 900, attempt_count: 1 });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('past_due');

    // The customer follows the invoice's link and pays with a card: the subscription is active again.
    const paid = await postPayForm(defined(invoice.hosted_invoice_url, 'hosted_invoice_url'), {
      headers: { 'x-forwarded-for': randomClientAddress() },
    });
    expect(paid.status).toBe(303);
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ status: 'paid', amount_paid: 900 });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');
  });

  it('without a card, ending in cancel → canceled at the trial’s end with customer.subscription.deleted, and no invoice', async () => {
    const { stripe } = await newMerchant();
    const { clock, start, subscriptionId } = await cardlessTrial(stripe, 'cancel');
    await advanceClock(stripe, clock.id, start + 15 * DAY);
    expect(await stripe.subscriptions.retrieve(subscriptionId)).toMatchObject({
      status: 'canceled',
      ended_at: start + 14 * DAY,
      canceled_at: start + 14 * DAY,
    });
    expect((await stripe.invoices.list({ subscription: subscriptionId })).data.map((i) => i.billing_reason)).toEqual([
      'subscription_create',
    ]);
    expect(await eventsAbout(stripe, subscriptionId)).toContain('customer.subscription.deleted');
  });

  it('without a card, ending in pause → paused with customer.subscription.paused; resumed → active and invoiced from then', async () => {
    const { stripe } = await newMerchant();
    const { clock, start, subscriptionId } = await cardlessTrial(stripe, 'pause');
    await advanceClock(stripe, clock.id, start + 15 * DAY);
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('paused');
    expect(await eventsAbout(stripe, subscriptionId)).toContain('customer.subscription.paused');

    const resumed = await stripe.subscriptions.resume(subscriptionId, { billing_cycle_anchor: { type: 'now' } });
    expect(resumed.status).toBe('active');
    expect(await eventsAbout(stripe, subscriptionId)).toContain('customer.subscription.resumed');
    // Its new cycle starts now and is invoiced at once; still no card to charge, so the invoice waits, open.
    await advanceClock(stripe, clock.id, start + 15 * DAY + 3600);
    const invoices = (await stripe.invoices.list({ subscription: subscriptionId })).data;
    expect(invoices.map((i) => [i.billing_reason, i.status, i.amount_due])).toEqual([
      ['subscription_cycle', 'open', 900],
      ['subscription_create', 'paid', 0],
    ]);
  });

  it('with a card: the card is checked, not charged, saved as the default; the trial’s end charges it → active, invoice paid', async () => {
    const { stripe } = await newMerchant();
    const start = Math.floor(Date.UTC(2031, 4, 10, 8) / 1000);
    const { clock, created } = await trialSessionOnClock(stripe, start);
    expect(created.payment_method_collection).toBe('always');
    expect((await postPayForm(defined(created.url, 'session.url'), { headers: { 'x-forwarded-for': randomClientAddress() } })).status).toBe(
      303,
    );
    const session = await stripe.checkout.sessions.retrieve(created.id);
    expect(session).toMatchObject({ status: 'complete', payment_status: 'no_payment_required' });
    const subscriptionId = defined(session.subscription as string | null, 'session.subscription');
    const trialing = await stripe.subscriptions.retrieve(subscriptionId);
    expect(trialing.status).toBe('trialing');
    expect(trialing.default_payment_method).toMatch(/^pm_/);

    await advanceClock(stripe, clock.id, start + 14 * DAY + 60);
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');
    const cycle = (await stripe.invoices.list({ subscription: subscriptionId })).data.find(
      (i) => i.billing_reason === 'subscription_cycle',
    );
    expect(cycle).toMatchObject({ status: 'paid', amount_paid: 900, period_start: start, period_end: start + 14 * DAY });
  });
});
