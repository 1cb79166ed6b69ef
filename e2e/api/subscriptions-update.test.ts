import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';

const DAY = 86_400;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The newest event of `type` about the subscription. */
async function lastEvent(stripe: Stripe, type: string, subscriptionId: string): Promise<Stripe.Event> {
  const events = await stripe.events.list({ type, limit: 100 });
  return defined(
    events.data.find((e) => (e.data.object as { id?: string }).id === subscriptionId),
    `a ${type} event for ${subscriptionId}`,
  );
}

describe('updating a subscription', () => {
  it('metadata and description → saved, and customer.subscription.updated names what they were before', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const sub = await stripe.subscriptions.update(subscriptionId, { metadata: { plan: 'gold' }, description: 'Gold membership' });
    expect(sub).toMatchObject({ metadata: { plan: 'gold' }, description: 'Gold membership', status: 'active' });

    const event = await lastEvent(stripe, 'customer.subscription.updated', subscriptionId);
    expect(event.data.previous_attributes).toEqual({ metadata: {}, description: null });
    expect(event.data.object).toMatchObject({ id: subscriptionId, metadata: { plan: 'gold' } });
    expect(event.request?.id).toMatch(/^req_/);

    const unset = await stripe.subscriptions.update(subscriptionId, { metadata: { plan: '' }, description: '' });
    expect(unset).toMatchObject({ metadata: {}, description: null });
  });

  it('cancel_at_period_end=true → cancels when the period ends (cancel_at, canceled_at, reason); false takes it back', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const before = await stripe.subscriptions.retrieve(subscriptionId);
    const periodEnd = before.items.data[0].current_period_end;

    const asked = nowSeconds();
    const ending = await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    expect(ending).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      cancel_at: periodEnd,
      cancellation_details: { reason: 'cancellation_requested', comment: null, feedback: null },
    });
    expect(defined(ending.canceled_at, 'canceled_at')).toBeGreaterThanOrEqual(asked - 5);
    const event = await lastEvent(stripe, 'customer.subscription.updated', subscriptionId);
    expect(event.data.previous_attributes).toEqual({
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      cancellation_details: { reason: null, comment: null, feedback: null },
    });

    const kept = await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: false });
    expect(kept).toMatchObject({ cancel_at_period_end: false, cancel_at: null, canceled_at: null, cancellation_details: { reason: null } });
  });

  it("cancel_at: a future time schedules the end, '' clears it; a past time or both cancel parameters → 400", async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const at = nowSeconds() + 10 * DAY;
    expect(await stripe.subscriptions.update(subscriptionId, { cancel_at: at })).toMatchObject({
      cancel_at: at,
      cancel_at_period_end: false,
      cancellation_details: { reason: 'cancellation_requested' },
    });
    expect(await stripe.subscriptions.update(subscriptionId, { cancel_at: '' })).toMatchObject({ cancel_at: null, canceled_at: null });
    expect(await stripeError(stripe.subscriptions.update(subscriptionId, { cancel_at: nowSeconds() - DAY }))).toMatchObject({
      statusCode: 400,
      param: 'cancel_at',
    });
    expect(await stripeError(stripe.subscriptions.update(subscriptionId, { cancel_at: at, cancel_at_period_end: true }))).toMatchObject({
      statusCode: 400,
      code: 'parameters_exclusive',
    });
  });

  it("default_payment_method: the customer's own card → set; another customer's or an unknown one → Stripe's 400", async () => {
    const { stripe } = await newMerchant();
    const mine = await paidSubscription(stripe);
    const theirs = await paidSubscription(stripe);
    const own = defined((await stripe.subscriptions.retrieve(mine.subscriptionId)).default_payment_method as string, 'own card');
    const other = defined((await stripe.subscriptions.retrieve(theirs.subscriptionId)).default_payment_method as string, 'other card');

    expect((await stripe.subscriptions.update(mine.subscriptionId, { default_payment_method: own })).default_payment_method).toBe(own);
    expect(await stripeError(stripe.subscriptions.update(mine.subscriptionId, { default_payment_method: other }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'default_payment_method',
      message: `The customer does not have a payment method with the ID ${other}. The payment method must be attached to the customer.`,
    });
    expect(await stripeError(stripe.subscriptions.update(mine.subscriptionId, { default_payment_method: 'pm_unknown' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'default_payment_method',
    });
  });

  it("pause_collection, default_tax_rates, cancellation_details and trial_settings → saved; '' clears them", async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const rate = await stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: false });
    const resumesAt = nowSeconds() + 30 * DAY;

    const changed = await stripe.subscriptions.update(subscriptionId, {
      pause_collection: { behavior: 'mark_uncollectible', resumes_at: resumesAt },
      default_tax_rates: [rate.id],
      cancellation_details: { comment: 'Too pricey', feedback: 'too_expensive' },
      trial_settings: { end_behavior: { missing_payment_method: 'pause' } },
    });
    expect(changed).toMatchObject({
      status: 'active',
      pause_collection: { behavior: 'mark_uncollectible', resumes_at: resumesAt },
      default_tax_rates: [{ id: rate.id, percentage: 20 }],
      cancellation_details: { comment: 'Too pricey', feedback: 'too_expensive', reason: null },
      trial_settings: { end_behavior: { missing_payment_method: 'pause' } },
    });

    const cleared = await stripe.subscriptions.update(subscriptionId, {
      pause_collection: '',
      default_tax_rates: '',
      cancellation_details: { comment: '', feedback: '' },
    });
    expect(cleared).toMatchObject({
      pause_collection: null,
      default_tax_rates: [],
      cancellation_details: { comment: null, feedback: null },
    });

    const archived = await stripe.taxRates.update(rate.id, { active: false });
    expect(await stripeError(stripe.subscriptions.update(subscriptionId, { default_tax_rates: [archived.id] }))).toMatchObject({
      statusCode: 400,
      param: 'default_tax_rates[0]',
    });
  });

  it('the same Idempotency-Key → the same answer replayed, and one event', async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const idempotencyKey = randomUUID();
    const first = await stripe.subscriptions.update(subscriptionId, { metadata: { n: '1' } }, { idempotencyKey });
    const again = await stripe.subscriptions.update(subscriptionId, { metadata: { n: '1' } }, { idempotencyKey });
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(again.metadata).toEqual(first.metadata);
    const events = await stripe.events.list({ type: 'customer.subscription.updated' });
    expect(events.data.filter((e) => (e.data.object as { id: string }).id === subscriptionId)).toHaveLength(1);
  });
});

describe('a trial', () => {
  it('trial_end moves the end of a trial; `now` ends it at once; on an active subscription a new trial → 400', async () => {
    const { stripe } = await newMerchant();
    const trialing = await paidSubscription(stripe, { params: { subscription_data: { trial_period_days: 14 } } });
    const sub = await stripe.subscriptions.retrieve(trialing.subscriptionId);
    expect(sub.status).toBe('trialing');

    const later = nowSeconds() + 20 * DAY;
    const moved = await stripe.subscriptions.update(sub.id, { trial_end: later });
    expect(moved).toMatchObject({ status: 'trialing', trial_end: later, billing_cycle_anchor: later });
    expect(moved.items.data[0].current_period_end).toBe(later);
    expect(await stripeError(stripe.subscriptions.update(sub.id, { trial_end: nowSeconds() - DAY }))).toMatchObject({
      statusCode: 400,
      param: 'trial_end',
      message: 'Invalid timestamp: must be an integer Unix timestamp in the future.',
    });

    const asked = nowSeconds();
    const ended = await stripe.subscriptions.update(sub.id, { trial_end: 'now' });
    expect(defined(ended.trial_end, 'trial_end')).toBeGreaterThanOrEqual(asked - 5);
    expect(ended.items.data[0].current_period_end).toBe(ended.trial_end);

    const active = await paidSubscription(stripe);
    expect(await stripeError(stripe.subscriptions.update(active.subscriptionId, { trial_end: later }))).toMatchObject({
      statusCode: 400,
      param: 'trial_end',
    });
  });
});

describe('what Caisse does not change on a subscription', () => {
  it("Stripe's parameters Caisse does not build (collection_method, transfer_data…) and bad values → 400 naming each", async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    const cases: [Stripe.SubscriptionUpdateParams, string][] = [
      [{ items: [{ price: 'price_x' }] }, 'items[0][price]'],
      [{ proration_behavior: 'sometimes' }, 'proration_behavior'],
      [{ payment_behavior: 'pending_if_incomplete' }, 'payment_behavior'],
      [{ collection_method: 'send_invoice' }, 'collection_method'],
      [{ transfer_data: { destination: 'acct_x' } }, 'transfer_data'],
      [{ billing_cycle_anchor: { type: 'now' } }, 'billing_cycle_anchor'],
      [{ pause_collection: { behavior: 'sleep' as 'void' } }, 'pause_collection[behavior]'],
      [{ cancel_at_period_end: 'maybe' as unknown as boolean }, 'cancel_at_period_end'],
      [{ colour: 'red' } as Stripe.SubscriptionUpdateParams, 'colour'],
    ];
    for (const [params, param] of cases)
      expect(await stripeError(stripe.subscriptions.update(subscriptionId, params)), param).toMatchObject({ statusCode: 400, param });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).metadata).toEqual({});
  });

  it("a canceled subscription → only metadata and cancellation_details change; anything else → Stripe's 400", async () => {
    const { stripe } = await newMerchant();
    const { subscriptionId } = await paidSubscription(stripe);
    await stripe.subscriptions.cancel(subscriptionId);
    const noted = await stripe.subscriptions.update(subscriptionId, {
      metadata: { why: 'moved' },
      cancellation_details: { comment: 'Moved abroad' },
    });
    expect(noted).toMatchObject({
      status: 'canceled',
      metadata: { why: 'moved' },
      cancellation_details: { comment: 'Moved abroad', reason: 'cancellation_requested' },
    });
    for (const params of [{ description: 'x' }, { cancel_at_period_end: true }, { pause_collection: '' as const }])
      expect(await stripeError(stripe.subscriptions.update(subscriptionId, params))).toMatchObject({
        statusCode: 400,
        message: 'A canceled subscription can only update its cancellation_details and metadata.',
      });
  });
});
