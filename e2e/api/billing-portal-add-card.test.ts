import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { completeChallenge, hiddenFields, postPayForm } from './pay-without-javascript';
import { formsOf, postPortalForm } from './portal-forms';

// The portal's "Add a card" as a browser without JavaScript goes through it: the portal's form → a setup-mode
// checkout page for the customer → back to the portal. The card added pays the customer's invoices and
// subscriptions from then on; the portal's "Make default" does the same. Read back through the official SDK.

const MASTERCARD = '5555 5555 5555 4444';
const THREE_D_SECURE = '4000 0027 6000 3184';

async function subscriberWithPortal(stripe: Stripe, features: Stripe.BillingPortal.ConfigurationCreateParams.Features) {
  const sub = await paidSubscription(stripe);
  const configuration = await stripe.billingPortal.configurations.create({ features });
  const portal = await stripe.billingPortal.sessions.create({ customer: sub.customerId, configuration: configuration.id, locale: 'fr' });
  return { ...sub, portal, configuration };
}

const defaultOf = async (stripe: Stripe, customerId: string) => {
  const customer = await stripe.customers.retrieve(customerId);
  if (customer.deleted) throw new Error(`${customerId} is deleted`);
  return customer.invoice_settings.default_payment_method;
};

describe('the customer portal’s “Add a card”', () => {
  it('leads to a setup-mode checkout page; the card saved there becomes the default of the customer and of their subscription', async () => {
    const { stripe } = await newMerchant('Portal Add Card Shop');
    const s = await subscriberWithPortal(stripe, { payment_method_update: { enabled: true } });
    const before = await stripe.subscriptions.retrieve(s.subscriptionId);
    const visa = defined(before.default_payment_method as string | null, 'the subscription’s card');

    const { to: checkout, cookie, setCookie } = await postPortalForm(s.portal.url, 'data-testid="portal-add-card"');
    expect(checkout.pathname).toMatch(/^\/c\/cs_/);
    const sessionId = checkout.pathname.split('/')[2];
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({ mode: 'setup', customer: s.customerId, currency: 'eur', status: 'open', locale: 'fr' });
    // The portal's token stays out of the checkout session (which the API, events and webhooks show): the browser
    // keeps it, HttpOnly, for this portal session's paths only.
    const portalUrl = new URL(s.portal.url);
    const [, , portalId, token] = portalUrl.pathname.split('/');
    const back = `${portalUrl.origin}/p/${portalId}/back`;
    expect(session.success_url).toBe(`${back}?result=card_added`);
    expect(session.cancel_url).toBe(back);
    expect(JSON.stringify(session)).not.toContain(token);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toContain(`Path=/p/${portalId}`);

    const paid = await postPayForm(checkout.href, { card: MASTERCARD, headers: { 'x-forwarded-for': randomClientAddress() } });
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(`${back}?result=card_added`);
    const returned = await fetch(defined(paid.location, 'location'), {
      headers: { cookie: defined(cookie, 'the cookie') },
      redirect: 'manual',
    });
    expect(returned.status).toBe(303);
    expect(new URL(defined(returned.headers.get('location'), 'location'), back).href).toBe(`${s.portal.url}?result=card_added`);
    // Another browser, without the cookie, is not let in.
    const stranger = await fetch(defined(paid.location, 'location'), { redirect: 'manual' });
    const strangerPage = await fetch(new URL(defined(stranger.headers.get('location'), 'location'), back));
    expect(strangerPage.status).toBe(404);

    const completed = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['setup_intent'] });
    const setupIntent = completed.setup_intent as Stripe.SetupIntent;
    expect(setupIntent).toMatchObject({ status: 'succeeded', customer: s.customerId });
    const added = defined(setupIntent.payment_method as string | null, 'the card added');
    expect(added).not.toBe(visa);
    const cards = await stripe.customers.listPaymentMethods(s.customerId);
    expect(cards.data.find((m) => m.id === added)?.card).toMatchObject({ brand: 'mastercard', last4: '4444' });
    expect(await defaultOf(stripe, s.customerId)).toBe(added);
    expect((await stripe.subscriptions.retrieve(s.subscriptionId)).default_payment_method).toBe(added);

    const updated = await stripe.events.list({ type: 'customer.subscription.updated' });
    const change = updated.data.find((e) => (e.data.object as Stripe.Subscription).default_payment_method === added);
    expect(change?.data.previous_attributes).toMatchObject({ default_payment_method: visa });
    const customerUpdated = await stripe.events.list({ type: 'customer.updated' });
    expect(customerUpdated.data.some((e) => (e.data.object as Stripe.Customer).invoice_settings.default_payment_method === added)).toBe(
      true,
    );

    const portalPage = await (await fetch(`${s.portal.url}?result=card_added`)).text();
    expect(portalPage).toContain('Votre carte a été ajoutée.');
    expect(portalPage).toContain('Mastercard se terminant par 4444');
  });

  it('a card that fails its 3-D Secure challenge is not saved and changes no default; the customer may try again', async () => {
    const { stripe } = await newMerchant('Portal Add Card Shop');
    const s = await subscriberWithPortal(stripe, { payment_method_update: { enabled: true } });
    const visa = defined((await stripe.subscriptions.retrieve(s.subscriptionId)).default_payment_method as string | null, 'card');
    const checkout = (await postPortalForm(s.portal.url, 'data-testid="portal-add-card"')).to;
    const headers = { 'x-forwarded-for': randomClientAddress() };
    const paid = await postPayForm(checkout.href, { card: THREE_D_SECURE, headers });
    expect(paid.location).toContain('/authenticate');
    expect(await completeChallenge(checkout.href, 'fail', headers)).toBe(303);

    const session = await stripe.checkout.sessions.retrieve(checkout.pathname.split('/')[2], { expand: ['setup_intent'] });
    expect(session.status).toBe('open');
    expect((session.setup_intent as Stripe.SetupIntent).status).toBe('requires_payment_method');
    expect((await stripe.customers.listPaymentMethods(s.customerId)).data.map((m) => m.id)).toEqual([visa]);
    expect((await stripe.subscriptions.retrieve(s.subscriptionId)).default_payment_method).toBe(visa);

    const again = await postPayForm(checkout.href, { card: THREE_D_SECURE, headers });
    expect(again.location).toContain('/authenticate');
    expect(await completeChallenge(checkout.href, 'complete', headers)).toBe(303);
    const added = (await stripe.customers.listPaymentMethods(s.customerId)).data.find((m) => m.id !== visa);
    expect(added?.card?.last4).toBe('3184');
    expect((await stripe.subscriptions.retrieve(s.subscriptionId)).default_payment_method).toBe(added?.id);
  });

  it('only the portal’s own setup session changes defaults: one the merchant creates for the customer just saves the card', async () => {
    const { stripe } = await newMerchant('Portal Add Card Shop');
    const sub = await paidSubscription(stripe);
    const visa = await defaultOf(stripe, sub.customerId);
    const created = await stripe.checkout.sessions.create({
      mode: 'setup',
      currency: 'eur',
      customer: sub.customerId,
      success_url: 'https://shop.example/saved',
    });
    expect(
      (await postPayForm(defined(created.url, 'url'), { card: MASTERCARD, headers: { 'x-forwarded-for': randomClientAddress() } })).status,
    ).toBe(303);
    expect((await stripe.customers.listPaymentMethods(sub.customerId)).data).toHaveLength(2);
    expect(await defaultOf(stripe, sub.customerId)).toBe(visa);
    expect((await stripe.subscriptions.retrieve(sub.subscriptionId)).default_payment_method).not.toBe(
      (await stripe.customers.listPaymentMethods(sub.customerId)).data.find((m) => m.card?.last4 === '4444')?.id,
    );
  });

  it('without payment_method_update there is no “Add a card”, and a post of the form from before it was turned off makes nothing', async () => {
    const { stripe } = await newMerchant('Portal Add Card Shop');
    const s = await subscriberWithPortal(stripe, { payment_method_update: { enabled: true } });
    const form = defined(
      formsOf(await (await fetch(s.portal.url)).text()).find((f) => f.includes('data-testid="portal-add-card"')),
      'the add-card form',
    );
    await stripe.billingPortal.configurations.update(s.configuration.id, { features: { payment_method_update: { enabled: false } } });
    expect(await (await fetch(s.portal.url)).text()).not.toContain('data-testid="portal-add-card"');
    const sessionsBefore = await stripe.checkout.sessions.list({ customer: s.customerId });

    const res = await fetch(s.portal.url, { method: 'POST', body: hiddenFields(form), redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(new URL(defined(res.headers.get('location'), 'location'), s.portal.url).searchParams.get('result')).toBe('expired');
    expect((await stripe.checkout.sessions.list({ customer: s.customerId })).data).toHaveLength(sessionsBefore.data.length);
  });
});

describe('the customer portal’s “Make default”', () => {
  it('makes the card the default of the customer and of their subscription, as the API’s updates would', async () => {
    const { stripe } = await newMerchant('Portal Default Card Shop');
    const s = await subscriberWithPortal(stripe, { payment_method_update: { enabled: true } });
    const mastercard = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: s.customerId });
    const { to } = await postPortalForm(s.portal.url, `value="${mastercard.id}"`);
    expect(to.searchParams.get('result')).toBe('done');
    expect(await defaultOf(stripe, s.customerId)).toBe(mastercard.id);
    expect((await stripe.subscriptions.retrieve(s.subscriptionId)).default_payment_method).toBe(mastercard.id);
  });
});
