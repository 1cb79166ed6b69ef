import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { hiddenFields } from './pay-without-javascript';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };
const FILE = 'BillingPortal/Sessions';
// Values the SDK's types forbid, sent on purpose.
const loose = (p: Record<string, unknown>) => p as unknown as Stripe.BillingPortal.SessionCreateParams;

const ALL_FEATURES: Stripe.BillingPortal.ConfigurationCreateParams['features'] = {
  invoice_history: { enabled: true },
  payment_method_update: { enabled: true },
  subscription_cancel: { enabled: true, mode: 'at_period_end' },
};

async function portalMerchant(features = ALL_FEATURES, extra: Partial<Stripe.BillingPortal.ConfigurationCreateParams> = {}) {
  const m = await newMerchant('Portal Shop');
  const config = await m.stripe.billingPortal.configurations.create({ features, ...extra });
  return { ...m, config };
}

/** The forms of the portal page at `url`, each with its hidden fields. */
async function portalForms(url: string) {
  const res = await fetch(url);
  const html = await res.text();
  const forms = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]);
  return { status: res.status, html, forms };
}

/** The form of the object `id` (a card, a subscription) with the button `marker`. */
function formOf(forms: string[], id: string, marker: string) {
  return forms.find((f) => f.includes(`value="${id}"`) && f.includes(marker));
}

async function postFormOf(url: string, id: string, marker: string) {
  const { forms } = await portalForms(url);
  const body = hiddenFields(defined(formOf(forms, id, marker), `the ${marker} form of ${id}`));
  const res = await fetch(url, { method: 'POST', body, redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') };
}

describe('billing portal sessions through the official SDK', () => {
  it('merchant creates a portal session for a customer → every field of the SDK type, the default configuration, a URL that opens the portal', async () => {
    const { stripe, config } = await portalMerchant(ALL_FEATURES, { default_return_url: 'https://shop.example/account' });
    const customer = await stripe.customers.create({ name: 'Jenny Rosen', email: 'jenny@example.com' });
    const session = await stripe.billingPortal.sessions.create({ customer: customer.id });
    expect(session.id).toMatch(/^bps_[A-Za-z0-9]{24}$/);
    expect(session).toEqual({
      id: session.id,
      object: 'billing_portal.session',
      configuration: config.id,
      created: expect.any(Number) as unknown,
      customer: customer.id,
      customer_account: null,
      flow: null,
      livemode: false,
      locale: null,
      on_behalf_of: null,
      return_url: 'https://shop.example/account',
      url: expect.stringMatching(new RegExp(`/p/${session.id}/[A-Za-z0-9]{43}$`)) as unknown,
    });
    expect(shapeGaps(session, sdkFields(FILE, ['Session']))).toEqual(noGaps);
    const res = await fetch(session.url);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('cache-control') ?? '').not.toContain('public');
    const page = await portalForms(session.url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Jenny Rosen');
    expect(page.html).toContain('jenny@example.com');
    expect(page.html).toContain('https://shop.example/account');
  });

  it('a wrong token, an unknown session and a tampered URL → 404 "This link has expired"', async () => {
    const { stripe } = await portalMerchant();
    const customer = await stripe.customers.create({ name: 'Jenny Rosen' });
    const { url } = await stripe.billingPortal.sessions.create({ customer: customer.id });
    const wrong = url.replace(/[A-Za-z0-9]{43}$/, 'A'.repeat(43));
    for (const bad of [wrong, url.replace('/p/bps_', '/p/bps_x'), `${url}x`, url.replace('/p/bps_', '/p/%ff')]) {
      const res = await fetch(bad);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('This link has expired');
      expect(html).not.toContain('Jenny Rosen');
    }
    // In the browser's language: no session names one.
    expect(await (await fetch(wrong, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } })).text()).toContain('Ce lien a expiré');
    // The right URL still opens.
    expect((await fetch(url)).status).toBe(200);
  });

  it('merchant passes configuration, locale, return_url and a subscription_cancel flow → all shown back, flow shaped as Stripe shows it', async () => {
    const m = await portalMerchant();
    const other = await m.stripe.billingPortal.configurations.create({ features: { subscription_cancel: { enabled: true } } });
    const sub = await paidSubscription(m.stripe);
    const session = await m.stripe.billingPortal.sessions.create({
      customer: sub.customerId,
      configuration: other.id,
      locale: 'fr',
      return_url: 'https://shop.example/back',
      flow_data: {
        type: 'subscription_cancel',
        subscription_cancel: { subscription: sub.subscriptionId },
        after_completion: { type: 'redirect', redirect: { return_url: 'https://shop.example/done' } },
      },
    });
    expect(session).toMatchObject({ configuration: other.id, locale: 'fr', return_url: 'https://shop.example/back' });
    expect(session.flow).toEqual({
      type: 'subscription_cancel',
      after_completion: { type: 'redirect', hosted_confirmation: null, redirect: { return_url: 'https://shop.example/done' } },
      customer_update: null,
      subscription_cancel: { subscription: sub.subscriptionId, retention: null },
      subscription_pause: null,
      subscription_update: null,
      subscription_update_confirm: null,
    });
    const flow = defined(session.flow, 'flow');
    expect(shapeGaps(flow, sdkFields(FILE, ['Session', 'Flow']))).toEqual(noGaps);
    expect(shapeGaps(flow.after_completion, sdkFields(FILE, ['Session', 'Flow', 'AfterCompletion']))).toEqual(noGaps);
    const page = await portalForms(session.url);
    expect(page.html).toContain('lang="fr"');
    expect(page.html).toContain('Annuler en fin de période');
  });

  it('refusals: no customer, unknown or another account’s customer, unknown configuration, on_behalf_of, bad locale → 400 with the param', async () => {
    const { stripe } = await portalMerchant();
    const { stripe: otherStripe } = await portalMerchant();
    const theirs = await otherStripe.customers.create({ name: 'Someone else' });
    const mine = await stripe.customers.create({});
    expect(await stripeError(stripe.billingPortal.sessions.create({}))).toMatchObject({ statusCode: 400, param: 'customer' });
    expect(await stripeError(stripe.billingPortal.sessions.create({ customer: 'cus_nope' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'customer',
    });
    expect(await stripeError(stripe.billingPortal.sessions.create({ customer: theirs.id }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'customer',
    });
    expect(await stripeError(stripe.billingPortal.sessions.create({ customer: mine.id, configuration: 'bpc_nope' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'configuration',
    });
    expect(await stripeError(stripe.billingPortal.sessions.create({ customer: mine.id, on_behalf_of: 'acct_1' }))).toMatchObject({
      statusCode: 400,
      param: 'on_behalf_of',
    });
    expect(await stripeError(stripe.billingPortal.sessions.create(loose({ customer: mine.id, locale: 'xx' })))).toMatchObject({
      statusCode: 400,
      param: 'locale',
    });
    await stripe.customers.del(mine.id);
    expect(await stripeError(stripe.billingPortal.sessions.create({ customer: mine.id }))).toMatchObject({
      statusCode: 400,
      param: 'customer',
    });
  });

  it('an account with no portal configuration → 400 telling the merchant to create one', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({});
    const err = await stripeError(stripe.billingPortal.sessions.create({ customer: customer.id }));
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(err.message).toContain('/v1/billing_portal/configurations');
  });

  it('bad flow_data → 400 on the param at fault, never a 500', async () => {
    const m = await portalMerchant({ invoice_history: { enabled: true }, subscription_cancel: { enabled: true } });
    const sub = await paidSubscription(m.stripe);
    const stranger = await m.stripe.customers.create({});
    const create = (flow: Record<string, unknown>, customer = sub.customerId) =>
      stripeError(m.stripe.billingPortal.sessions.create(loose({ customer, flow_data: flow })));
    expect(await create({ type: 'subscription_cancel' })).toMatchObject({ param: 'flow_data[subscription_cancel]' });
    expect(await create({ type: 'unknown_flow' })).toMatchObject({ param: 'flow_data[type]' });
    expect(await create({ type: 'subscription_cancel', subscription_cancel: { subscription: 'sub_nope' } })).toMatchObject({
      code: 'resource_missing',
      param: 'flow_data[subscription_cancel][subscription]',
    });
    // Another customer's subscription.
    expect(
      await create({ type: 'subscription_cancel', subscription_cancel: { subscription: sub.subscriptionId } }, stranger.id),
    ).toMatchObject({ param: 'flow_data[subscription_cancel][subscription]' });
    // payment_method_update is not enabled in this configuration.
    expect(await create({ type: 'payment_method_update' })).toMatchObject({ param: 'flow_data[type]' });
    expect(
      await create({
        type: 'subscription_cancel',
        subscription_cancel: { subscription: sub.subscriptionId },
        after_completion: { type: 'redirect' },
      }),
    ).toMatchObject({ param: 'flow_data[after_completion][redirect]' });
    expect(
      await create({ type: 'subscription_update_confirm', subscription_update_confirm: { subscription: sub.subscriptionId, items: [] } }),
    ).toMatchObject({ statusCode: 400 });
    for (const e of [await create({ type: 'subscription_cancel', subscription_cancel: 'x' }), await create({ type: ['a'] })])
      expect(e.statusCode).toBe(400);
  });
});

describe('the customer portal without JavaScript', () => {
  it('customer makes a second card their default, removes the first, cancels at period end, then keeps the subscription', async () => {
    const { stripe } = await portalMerchant();
    const paid = await paidSubscription(stripe, { unitAmount: 1200 });
    const first = defined((await stripe.paymentMethods.list({ customer: paid.customerId, type: 'card' })).data.at(0), 'the saved card').id;
    const second = (await stripe.paymentMethods.attach('pm_card_mastercard', { customer: paid.customerId })).id;
    const { url } = await stripe.billingPortal.sessions.create({ customer: paid.customerId });
    const page = await portalForms(url);
    expect(page.html).toContain('4242');
    expect(page.html).toContain('4444');
    expect(page.html).toContain('€12.00');
    expect(page.html).toContain(paid.invoiceId);

    expect(await postFormOf(url, second, 'portal-make-default')).toMatchObject({ status: 303 });
    const customer = await stripe.customers.retrieve(paid.customerId);
    expect(!customer.deleted && customer.invoice_settings.default_payment_method).toBe(second);

    const removed = await postFormOf(url, first, 'portal-remove-card');
    expect(removed.location).toContain('result=done');
    expect((await stripe.paymentMethods.retrieve(first)).customer).toBeNull();
    expect((await portalForms(url)).html).not.toContain(`value="${first}"`);

    expect(await postFormOf(url, paid.subscriptionId, 'portal-cancel')).toMatchObject({ status: 303 });
    expect((await stripe.subscriptions.retrieve(paid.subscriptionId)).cancel_at_period_end).toBe(true);
    const events = await stripe.events.list({ type: 'customer.subscription.updated' });
    expect(events.data.some((e) => (e.data.object as Stripe.Subscription).cancel_at_period_end)).toBe(true);

    await postFormOf(url, paid.subscriptionId, 'portal-keep');
    expect((await stripe.subscriptions.retrieve(paid.subscriptionId)).cancel_at_period_end).toBe(false);
  });

  it('a portal URL of customer X never shows or changes customer Y’s cards or subscriptions, even with forged form ids', async () => {
    const { stripe } = await portalMerchant();
    const x = await paidSubscription(stripe);
    const y = await paidSubscription(stripe);
    const yCard = defined((await stripe.paymentMethods.list({ customer: y.customerId, type: 'card' })).data.at(0), 'Y’s card').id;
    const xCard = defined((await stripe.paymentMethods.list({ customer: x.customerId, type: 'card' })).data.at(0), 'X’s card').id;
    // A second card, never X's default: its row has a "Make default" form to forge.
    await stripe.paymentMethods.attach('pm_card_mastercard', { customer: x.customerId });
    const { url } = await stripe.billingPortal.sessions.create({ customer: x.customerId });
    const page = await portalForms(url);
    expect(page.html).not.toContain(yCard);
    expect(page.html).not.toContain(y.subscriptionId);
    expect(page.html).not.toContain(y.invoiceId);

    const forged = async (marker: string, fields: Record<string, string>) => {
      const form = defined(
        page.forms.find((f) => f.includes(marker)),
        marker,
      );
      const body = hiddenFields(form);
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      const res = await fetch(url, { method: 'POST', body, redirect: 'manual' });
      return res.headers.get('location') ?? '';
    };
    expect(await forged('portal-make-default', { payment_method: yCard })).toContain('result=refused');
    expect(await forged('portal-remove-card', { payment_method: yCard })).toContain('result=refused');
    expect(await forged('portal-cancel', { subscription: y.subscriptionId, cancel: 'true' })).toContain('result=refused');

    expect((await stripe.paymentMethods.retrieve(yCard)).customer).toBe(y.customerId);
    expect((await stripe.subscriptions.retrieve(y.subscriptionId)).cancel_at_period_end).toBe(false);
    const yCustomer = await stripe.customers.retrieve(y.customerId);
    expect(!yCustomer.deleted && yCustomer.invoice_settings.default_payment_method).not.toBe(xCard);
    // X's own card is untouched by the forged posts.
    expect((await stripe.paymentMethods.retrieve(xCard)).customer).toBe(x.customerId);
  });
});
