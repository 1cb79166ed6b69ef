import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { portalResult } from './portal-forms';

// Canceling at period end with a reason (subscription_cancel: mode=at_period_end, cancellation_reason enabled), as a
// browser without JavaScript does it: the home page links to a confirmation asking why, whose form sets
// cancel_at_period_end and cancellation_details.feedback in one update, as the API's POST /v1/subscriptions/:id would.

async function portalWithReasons(stripe: Stripe) {
  const sub = await paidSubscription(stripe);
  const configuration = await stripe.billingPortal.configurations.create({
    features: {
      subscription_cancel: {
        enabled: true,
        mode: 'at_period_end',
        cancellation_reason: { enabled: true, options: ['too_expensive', 'unused'] },
      },
    },
  });
  const portal = await stripe.billingPortal.sessions.create({ customer: sub.customerId, configuration: configuration.id });
  return { ...sub, portal };
}

/** The confirmation page's form (which offers the reasons), posted with `fields`; the result it lands on. */
async function confirmCancel(url: string, fields: Record<string, string>) {
  expect(await (await fetch(url)).text()).toContain('name="reason" value="too_expensive"');
  return portalResult(url, 'data-testid="portal-cancel-submit"', fields);
}

describe('the customer portal’s cancel at period end with a reason', () => {
  it('the home page links to a confirmation asking why; confirming sets cancel_at_period_end and the feedback in one update', async () => {
    const { stripe } = await newMerchant('Portal Cancel Reason Shop');
    const s = await portalWithReasons(stripe);
    const home = await (await fetch(s.portal.url)).text();
    expect(home).toContain(`href="?cancel=${s.subscriptionId}"`);
    expect(home).not.toContain('name="cancel" value="true"');

    const before = await stripe.events.list({ type: 'customer.subscription.updated' });
    expect(await confirmCancel(`${s.portal.url}?cancel=${s.subscriptionId}`, { reason: 'too_expensive' })).toBe('done');
    const sub = await stripe.subscriptions.retrieve(s.subscriptionId);
    expect(sub).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      cancel_at: sub.items.data[0].current_period_end,
      cancellation_details: { feedback: 'too_expensive', reason: 'cancellation_requested' },
    });
    const after = await stripe.events.list({ type: 'customer.subscription.updated' });
    const mine = (list: Stripe.ApiList<Stripe.Event>) =>
      list.data.filter((e) => (e.data.object as Stripe.Subscription).id === s.subscriptionId).length;
    expect(mine(after) - mine(before)).toBe(1);

    // Canceling already: the home page offers "Keep", and the confirmation is gone.
    expect(await (await fetch(s.portal.url)).text()).toContain('data-testid="portal-keep"');
    expect(await (await fetch(`${s.portal.url}?cancel=${s.subscriptionId}`)).text()).toContain('data-testid="portal-unavailable"');
  });

  it('a reason that is not one of the configured options, or one posted with "Keep", is refused and changes nothing', async () => {
    const { stripe } = await newMerchant('Portal Cancel Reason Shop');
    const s = await portalWithReasons(stripe);
    const confirmation = `${s.portal.url}?cancel=${s.subscriptionId}`;
    expect(await confirmCancel(confirmation, { reason: 'missing_features' })).toBe('refused');
    expect(await confirmCancel(confirmation, { reason: 'too_expensive', cancel: 'false' })).toBe('refused');
    const sub = await stripe.subscriptions.retrieve(s.subscriptionId);
    expect(sub).toMatchObject({ cancel_at_period_end: false, cancellation_details: { feedback: null } });
  });
});
