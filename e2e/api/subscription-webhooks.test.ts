import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { advanceClock, subscribedOnClock } from '../support/test-clocks';
import { trialSessionOnClock } from '../support/trials';
import { postEmailOnly } from './pay-without-javascript';
import { endpointOn, receivedEvents, startReceiver, type Receiver } from './webhook-fixtures';

// Every billing event the subscriptions issue lists reaches a merchant's webhook endpoint, each one
// verified as the merchant's handler would with the official SDK's stripe.webhooks.constructEvent
// (receivedEvents): three subscriptions on test clocks live through a trial, a renewal paid and one
// declined, a card-less trial paused and resumed, and a cancellation.

const DAY = 86_400;
/** Saves at checkout (nothing is charged during a trial), then every off-session charge is declined. */
const SAVES_THEN_DECLINES = '4000 0000 0000 0341';

const BILLING_EVENTS = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'invoice.created',
  'invoice.finalized',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.payment_succeeded',
  'invoice.voided',
  'invoice.marked_uncollectible',
  'invoice.upcoming',
] as const satisfies Stripe.WebhookEndpointCreateParams.EnabledEvent[];

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** A card-less 14-day trial (payment_method_collection=if_required) that pauses when it ends, started with only an email. */
async function cardlessTrialThatPauses(stripe: Stripe, frozen: number) {
  const { clock, created } = await trialSessionOnClock(stripe, frozen, {
    unitAmount: 500,
    params: {
      payment_method_collection: 'if_required',
      subscription_data: { trial_period_days: 14, trial_settings: { end_behavior: { missing_payment_method: 'pause' } } },
    },
  });
  expect((await postEmailOnly(defined(created.url, 'session.url'), 'sam@example.com')).status).toBe(303);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  return { clock, subscriptionId: defined(session.subscription as string | null, 'session.subscription') };
}

describe('billing events through webhooks', () => {
  it('every subscription and invoice event arrives signed, verifies with constructEvent, and matches /v1/events', async () => {
    const { stripe } = await newMerchant();
    const endpoint = await endpointOn(stripe, receiver, [...BILLING_EVENTS, 'payment_intent.succeeded', 'payment_intent.payment_failed']);
    const start = Math.floor(Date.UTC(2031, 6, 1, 9) / 1000);

    // 1. A 7-day trial on a card that declines off-session: trial_will_end, then the first renewal declined.
    const declined = await subscribedOnClock(stripe, start, {
      card: SAVES_THEN_DECLINES,
      params: { subscription_data: { trial_period_days: 7 } },
    });
    await advanceClock(stripe, declined.clock.id, start + 7 * DAY + 60);
    const [open] = (await stripe.invoices.list({ subscription: declined.subscriptionId, status: 'open' })).data;
    const unpaid = defined(open, 'the declined renewal');
    await stripe.invoices.markUncollectible(unpaid.id);

    // 2. A monthly plan on a good card: invoice.upcoming a week before its renewal, the renewal paid, then canceled.
    const renewed = await subscribedOnClock(stripe, start, { unitAmount: 900 });
    const periodEnd = defined((await stripe.subscriptions.retrieve(renewed.subscriptionId)).items.data[0], 'item').current_period_end;
    await advanceClock(stripe, renewed.clock.id, periodEnd + 60);
    await stripe.subscriptions.update(renewed.subscriptionId, { cancel_at_period_end: true });
    await stripe.subscriptions.cancel(renewed.subscriptionId);

    // 3. A card-less trial paused at its end, resumed: its invoice has nothing to charge, and is voided.
    const paused = await cardlessTrialThatPauses(stripe, start);
    await advanceClock(stripe, paused.clock.id, start + 15 * DAY);
    await stripe.subscriptions.resume(paused.subscriptionId, { billing_cycle_anchor: { type: 'now' } });
    await advanceClock(stripe, paused.clock.id, start + 15 * DAY + 3600);
    const [resumedInvoice] = (await stripe.invoices.list({ subscription: paused.subscriptionId, status: 'open' })).data;
    await stripe.invoices.voidInvoice(defined(resumedInvoice, 'the invoice after resuming').id);

    // What the API recorded for these subscriptions is what the endpoint must receive.
    const recorded: Stripe.Event[] = [];
    for await (const e of stripe.events.list({ limit: 100 }))
      if ([...BILLING_EVENTS, 'payment_intent.succeeded', 'payment_intent.payment_failed'].includes(e.type)) recorded.push(e);
    const recordedTypes = new Set(recorded.map((e) => e.type));
    expect([...recordedTypes]).toEqual(expect.arrayContaining([...BILLING_EVENTS]));

    await receiver.until(() => recorded.every((e) => receivedEvents(receiver, endpoint).some((r) => r.id === e.id)), 90_000);
    // Each delivery carries a Stripe-Signature the SDK verifies with the endpoint's secret (or receivedEvents throws).
    const received = receivedEvents(receiver, endpoint);
    expect(new Set(received.map((e) => e.type))).toEqual(recordedTypes);
    const byId = new Map(received.map((e) => [e.id, e]));
    for (const e of recorded) expect(byId.get(e.id)?.data.object, e.type).toEqual(e.data.object);

    const upcoming = defined(
      received.find((e) => e.type === 'invoice.upcoming' && e.data.object.customer === renewed.customerId),
      'invoice.upcoming for the renewing subscription',
    );
    const upcomingInvoice = upcoming.data.object as Stripe.Invoice;
    // Stripe's upcoming invoice has no id: it does not exist yet.
    expect(upcomingInvoice.id).toBeUndefined();
    expect(upcomingInvoice).toMatchObject({ object: 'invoice', billing_reason: 'upcoming', amount_due: 900, period_end: periodEnd });

    // Each automatic attempt has its payment_intent event: the renewal's success, the declined one's failure.
    const intentEvents = received.filter((e) => e.type.startsWith('payment_intent.'));
    expect(intentEvents.some((e) => e.type === 'payment_intent.payment_failed' && e.data.object.amount === 900)).toBe(true);
    expect(intentEvents.filter((e) => e.type === 'payment_intent.succeeded').length).toBeGreaterThanOrEqual(2);
  }, 240_000);
});
