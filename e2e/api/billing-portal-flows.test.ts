import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { previewSwitch, switchableSubscription } from '../support/portal-configurations';
import { postPayForm } from './pay-without-javascript';
import { postPortalForm } from './portal-forms';

// Portal sessions created with flow_data, as a browser without JavaScript goes through them: the page opens on
// the flow's screen (only what the flow names), and once its change is made after_completion decides where the
// customer lands: a redirect, a hosted confirmation with the merchant's message, or the portal's home page.

/** Posts the page's form holding `marker` (portal-forms.ts); where it leads. */
const post = async (url: string, marker: string, fields: Record<string, string> = {}) => (await postPortalForm(url, marker, fields)).to;

const cancelFeature = (mode: 'at_period_end' | 'immediately'): Stripe.BillingPortal.ConfigurationCreateParams.Features => ({
  invoice_history: { enabled: true },
  payment_method_update: { enabled: true },
  subscription_cancel: {
    enabled: true,
    mode,
    cancellation_reason: { enabled: mode === 'immediately', options: ['too_expensive', 'unused'] },
  },
});

/** The customer with two subscriptions (the flow names the second) and a configuration with `features`. */
async function twoSubscriptions(stripe: Stripe, features: Stripe.BillingPortal.ConfigurationCreateParams.Features) {
  const first = await paidSubscription(stripe);
  const second = await paidSubscription(stripe, { params: { customer: first.customerId } });
  const configuration = await stripe.billingPortal.configurations.create({ features });
  return {
    customerId: first.customerId,
    other: first.subscriptionId,
    subscriptionId: second.subscriptionId,
    configuration: configuration.id,
  };
}

describe('portal flows (flow_data)', () => {
  it('subscription_cancel (at period end) with a redirect: only that subscription, its one button, then the return_url', async () => {
    const { stripe } = await newMerchant('Portal Flows Shop');
    const s = await twoSubscriptions(stripe, cancelFeature('at_period_end'));
    const session = await stripe.billingPortal.sessions.create({
      customer: s.customerId,
      configuration: s.configuration,
      flow_data: {
        type: 'subscription_cancel',
        subscription_cancel: { subscription: s.subscriptionId },
        after_completion: { type: 'redirect', redirect: { return_url: 'https://shop.example/cancelled' } },
      },
    });
    const html = await (await fetch(session.url)).text();
    expect(html).toContain(`data-testid="portal-subscription-${s.subscriptionId}"`);
    expect(html).not.toContain(`data-testid="portal-subscription-${s.other}"`);
    expect(html).not.toContain('data-testid="portal-cards"');
    expect(html).not.toContain('data-testid="portal-invoices"');

    const to = await post(session.url, 'data-testid="portal-cancel"');
    expect(to.href).toBe('https://shop.example/cancelled');
    expect((await stripe.subscriptions.retrieve(s.subscriptionId)).cancel_at_period_end).toBe(true);
    expect((await stripe.subscriptions.retrieve(s.other)).cancel_at_period_end).toBe(false);

    // Already canceling: the flow has nothing left to do.
    expect(await (await fetch(session.url)).text()).toContain('data-testid="portal-unavailable"');
  });

  it('subscription_cancel (now, with a reason) and a hosted confirmation: the merchant’s message, not the home page', async () => {
    const { stripe } = await newMerchant('Portal Flows Shop');
    const s = await twoSubscriptions(stripe, cancelFeature('immediately'));
    const session = await stripe.billingPortal.sessions.create({
      customer: s.customerId,
      configuration: s.configuration,
      locale: 'fr',
      flow_data: {
        type: 'subscription_cancel',
        subscription_cancel: { subscription: s.subscriptionId },
        after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: 'À bientôt chez nous !' } },
      },
    });
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('data-testid="portal-cancel-confirm"');
    const to = await post(session.url, 'data-testid="portal-cancel-submit"', { reason: 'unused' });
    expect(to.searchParams.get('result')).toBe('done');
    expect(to.searchParams.get('flow')).toBe('complete');
    const done = await (await fetch(to)).text();
    expect(done).toContain('data-testid="portal-flow-confirmation"');
    expect(done).toContain('À bientôt chez nous !');
    expect(done).not.toContain('data-testid="portal-subscriptions"');
    const ended = await stripe.subscriptions.retrieve(s.subscriptionId);
    expect(ended).toMatchObject({ status: 'canceled', cancellation_details: { feedback: 'unused' } });
    expect((await stripe.subscriptions.retrieve(s.other)).status).toBe('active');
  });

  it('subscription_update_confirm: the confirmation of that price, its amount invoices.createPreview’s; then the home page', async () => {
    const { stripe } = await newMerchant('Portal Flows Shop');
    const s = await switchableSubscription(stripe, 'always_invoice');
    const session = await stripe.billingPortal.sessions.create({
      customer: s.customerId,
      flow_data: {
        type: 'subscription_update_confirm',
        subscription_update_confirm: { subscription: s.subscriptionId, items: [{ id: s.itemId, price: s.upgrade }] },
      },
    });
    const html = await (await fetch(session.url)).text();
    const prorationDate = Number(defined(/name="proration_date" value="(\d+)"/.exec(html)?.[1], 'proration_date'));
    const preview = await previewSwitch(stripe, { ...s, price: s.upgrade, prorationBehavior: 'always_invoice', prorationDate });
    expect(html).toContain(`data-amount="${preview.amount_due}"`);

    const to = await post(session.url, 'data-testid="portal-switch-submit"');
    expect(to.searchParams.get('result')).toBe('done');
    expect(await (await fetch(to)).text()).toContain('data-testid="portal-subscriptions"');
    expect((await stripe.subscriptions.retrieve(s.subscriptionId)).items.data.map((i) => i.price.id)).toEqual([s.upgrade]);
  });

  it('subscription_update: the plans that subscription may switch to; a flow naming a price the portal does not offer is unavailable', async () => {
    const { stripe } = await newMerchant('Portal Flows Shop');
    const s = await switchableSubscription(stripe, 'create_prorations');
    const update = await stripe.billingPortal.sessions.create({
      customer: s.customerId,
      flow_data: { type: 'subscription_update', subscription_update: { subscription: s.subscriptionId } },
    });
    const html = await (await fetch(update.url)).text();
    expect(html).toContain('data-testid="portal-switch-options"');
    expect(html).toContain(`price=${s.upgrade}`);
    expect(html).not.toContain('data-testid="portal-invoices"');

    const unlisted = await stripe.billingPortal.sessions.create({
      customer: s.customerId,
      flow_data: {
        type: 'subscription_update_confirm',
        subscription_update_confirm: { subscription: s.subscriptionId, items: [{ id: s.itemId, price: s.unlisted }] },
      },
    });
    const refused = await (await fetch(unlisted.url)).text();
    expect(refused).toContain('data-testid="portal-unavailable"');
    expect(refused).not.toContain('data-testid="portal-switch-submit"');
  });

  it('payment_method_update with a redirect: the card added on the checkout page ends the flow at the return_url', async () => {
    const { stripe } = await newMerchant('Portal Flows Shop');
    const sub = await paidSubscription(stripe);
    const configuration = await stripe.billingPortal.configurations.create({ features: { payment_method_update: { enabled: true } } });
    const session = await stripe.billingPortal.sessions.create({
      customer: sub.customerId,
      configuration: configuration.id,
      flow_data: {
        type: 'payment_method_update',
        after_completion: { type: 'redirect', redirect: { return_url: 'https://shop.example/card-updated' } },
      },
    });
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('data-testid="portal-cards"');
    expect(html).not.toContain('data-testid="portal-subscriptions"');
    // Removing another card is not what the flow is about: back to the flow's screen, not to the return_url.
    const old = await stripe.paymentMethods.attach('pm_card_visa', { customer: sub.customerId });
    const removed = await post(session.url, `value="${old.id}"`, {});
    expect(removed.origin).not.toBe('https://shop.example');
    expect(removed.searchParams.get('result')).toBe('done');
    expect(await (await fetch(removed)).text()).toContain('data-testid="portal-add-card"');
    const checkout = await post(session.url, 'data-testid="portal-add-card"');
    const paid = await postPayForm(checkout.href, { card: '5555 5555 5555 4444', headers: { 'x-forwarded-for': randomClientAddress() } });
    expect(paid.location).toBe('https://shop.example/card-updated');
    const subscription = await stripe.subscriptions.retrieve(sub.subscriptionId, { expand: ['default_payment_method'] });
    expect((subscription.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe('4444');
  });
});
