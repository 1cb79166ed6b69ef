import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';
import { previewSwitch, switchableSubscription } from '../support/portal-configurations';
import { hiddenFields } from './pay-without-javascript';

// The portal page's plan switch and cancel-now, driven as a browser without JavaScript drives them:
// the confirmation page fetched, its form posted (tampered with where a test says so), the outcome read
// back through the official SDK.

/** The portal page at `url` (a query added), and its forms. */
async function portalPage(url: string, query = '') {
  const res = await fetch(`${url}${query}`);
  const html = await res.text();
  return { status: res.status, html, forms: [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]) };
}

/** Posts a form of the page with its hidden fields, `change` overriding some; answers where the page sends the customer. */
async function post(url: string, form: string | undefined, change: Record<string, string> = {}) {
  const body = hiddenFields(defined(form, 'the form'));
  for (const [k, v] of Object.entries(change)) body.set(k, v);
  const res = await fetch(url, { method: 'POST', body, redirect: 'manual' });
  expect(res.status).toBe(303);
  return new URL(defined(res.headers.get('location'), 'location'), url).searchParams.get('result');
}

/** The confirmation of switching `sub` to `price`: the amount shown (minor units) and the proration date posted back. */
async function confirmation(url: string, sub: string, price: string) {
  const page = await portalPage(url, `?switch=${sub}&price=${price}`);
  expect(page.status).toBe(200);
  const amount = /data-testid="portal-switch-amount" data-amount="(\d+)"/.exec(page.html);
  const form = page.forms.find((f) => f.includes('name="proration_date"'));
  const prorationDate = form ? /name="proration_date" value="(\d+)"/.exec(form) : null;
  return { ...page, amount: amount ? Number(amount[1]) : null, form, prorationDate: prorationDate ? Number(prorationDate[1]) : null };
}

const priceOf = async (stripe: Stripe, sub: string) => (await stripe.subscriptions.retrieve(sub)).items.data.map((i) => i.price.id);

describe('the customer portal’s plan switch', () => {
  it.each(['always_invoice', 'create_prorations'] as const)(
    'proration_behavior=%s: the confirmation shows invoices.createPreview’s amount_due for the same change; confirming switches the price',
    async (behavior) => {
      const { stripe } = await newMerchant('Portal Switch Shop');
      const s = await switchableSubscription(stripe, behavior);
      const { url } = await stripe.billingPortal.sessions.create({ customer: s.customerId });
      const shown = await confirmation(url, s.subscriptionId, s.upgrade);
      const prorationDate = defined(shown.prorationDate, 'proration_date');
      const preview = await previewSwitch(stripe, { ...s, price: s.upgrade, prorationBehavior: behavior, prorationDate });
      expect(shown.amount).toBe(preview.amount_due);
      // Upgrading a month just paid: always_invoice bills the unused share of the €10.00 gap now (all of it, a few
      // seconds in); create_prorations puts that share on the next invoice, with the €19.00 month.
      expect(preview.amount_due).toBeGreaterThan(behavior === 'always_invoice' ? 0 : 1900);
      expect(preview.amount_due).toBeLessThanOrEqual(behavior === 'always_invoice' ? 1000 : 1900 + 1000);
      expect(shown.html).toContain(behavior === 'always_invoice' ? 'Amount due today' : 'Next invoice, on');

      expect(await post(url, shown.form)).toBe('done');
      expect(await priceOf(stripe, s.subscriptionId)).toEqual([s.upgrade]);
      if (behavior === 'always_invoice') {
        const latest = (await stripe.subscriptions.retrieve(s.subscriptionId)).latest_invoice as string;
        expect((await stripe.invoices.retrieve(latest)).amount_due).toBe(preview.amount_due);
      }
      // The switched-to price is now the current one: no longer offered, and asking for it again is refused.
      expect((await confirmation(url, s.subscriptionId, s.upgrade)).html).toContain('data-testid="portal-unavailable"');
    },
  );

  it('a price the configuration does not list, of another account, or deactivated → "not available", refused when posted, nothing changes', async () => {
    const { stripe } = await newMerchant('Portal Switch Shop');
    const s = await switchableSubscription(stripe);
    const stranger = await newMerchant('Another Shop');
    const product = await stranger.stripe.products.create({ name: 'Pro plan' });
    const foreign = await stranger.stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 100,
      recurring: { interval: 'month' },
    });
    const { url } = await stripe.billingPortal.sessions.create({ customer: s.customerId });
    const { form } = await confirmation(url, s.subscriptionId, s.upgrade);
    for (const price of [s.unlisted, foreign.id, 'price_unknown', s.priceId]) {
      const page = await confirmation(url, s.subscriptionId, price);
      expect(page.html).toContain('This change is not available.');
      expect(page.form).toBeUndefined();
      expect(await post(url, form, { price })).toBe('refused');
    }
    await stripe.prices.update(s.upgrade, { active: false });
    expect((await confirmation(url, s.subscriptionId, s.upgrade)).html).toContain('data-testid="portal-unavailable"');
    expect(await post(url, form)).toBe('refused');
    expect(await priceOf(stripe, s.subscriptionId)).toEqual([s.priceId]);
    const invoices = await stripe.invoices.list({ subscription: s.subscriptionId });
    expect(invoices.data.map((i) => i.billing_reason)).toEqual(['subscription_create']);
  });

  it('another customer’s subscription id → "not available", refused when posted, and it is left as it was', async () => {
    const { stripe } = await newMerchant('Portal Switch Shop');
    const s = await switchableSubscription(stripe);
    const theirs = await paidSubscription(stripe);
    // The configuration offers s.upgrade whatever price a subscription has now: only the ownership check refuses this one.
    const { url } = await stripe.billingPortal.sessions.create({ customer: s.customerId });
    const { form } = await confirmation(url, s.subscriptionId, s.upgrade);
    expect((await confirmation(url, theirs.subscriptionId, s.upgrade)).html).toContain('data-testid="portal-unavailable"');
    expect(await post(url, form, { subscription: theirs.subscriptionId })).toBe('refused');
    expect(await priceOf(stripe, theirs.subscriptionId)).toEqual([theirs.priceId]);
    expect(await priceOf(stripe, s.subscriptionId)).toEqual([s.priceId]);
  });
});

describe('the customer portal’s cancel now', () => {
  async function cancelable() {
    const { stripe } = await newMerchant('Portal Cancel Shop');
    await stripe.billingPortal.configurations.create({
      features: {
        subscription_cancel: {
          enabled: true,
          mode: 'immediately',
          cancellation_reason: { enabled: true, options: ['too_expensive', 'unused'] },
        },
      },
    });
    const sub = await paidSubscription(stripe);
    const { url } = await stripe.billingPortal.sessions.create({ customer: sub.customerId });
    const page = await portalPage(url, `?cancel=${sub.subscriptionId}`);
    return { stripe, sub, url, form: page.forms.find((f) => f.includes('data-testid="portal-cancel-submit"')), html: page.html };
  }

  it('the reason picked → canceled now, cancellation_details.feedback set as Stripe sets it', async () => {
    const { stripe, sub, url, form, html } = await cancelable();
    expect(html).toContain('value="too_expensive"');
    expect(html).not.toContain('value="switched_service"');
    expect(await post(url, form, { reason: 'unused' })).toBe('done');
    const canceled = await stripe.subscriptions.retrieve(sub.subscriptionId);
    expect(canceled.status).toBe('canceled');
    expect(canceled.cancellation_details).toEqual({ comment: null, feedback: 'unused', reason: 'cancellation_requested' });
  });

  it('a reason not offered, or another customer’s subscription → refused, nothing canceled', async () => {
    const { stripe, sub, url, form } = await cancelable();
    const theirs = await paidSubscription(stripe);
    expect(await post(url, form, { reason: 'switched_service' })).toBe('refused');
    expect(await post(url, form, { reason: 'too_expensive', subscription: theirs.subscriptionId })).toBe('refused');
    expect((await portalPage(url, `?cancel=${theirs.subscriptionId}`)).html).toContain('data-testid="portal-unavailable"');
    expect((await stripe.subscriptions.retrieve(sub.subscriptionId)).status).toBe('active');
    expect((await stripe.subscriptions.retrieve(theirs.subscriptionId)).status).toBe('active');
  });

  it('under mode=immediately "Keep" still takes back an end the merchant scheduled, and a forged "cancel at period end" is refused', async () => {
    const { stripe, sub, url } = await cancelable();
    await stripe.subscriptions.update(sub.subscriptionId, { cancel_at_period_end: true });
    const keep = (await portalPage(url)).forms.find((f) => f.includes('data-testid="portal-keep"'));
    expect(await post(url, keep, { cancel: 'true' })).toBe('refused');
    expect(await post(url, keep)).toBe('done');
    expect((await stripe.subscriptions.retrieve(sub.subscriptionId)).cancel_at_period_end).toBe(false);
    expect(await post(url, keep, { cancel: 'true' })).toBe('refused');
    const after = await stripe.subscriptions.retrieve(sub.subscriptionId);
    expect([after.status, after.cancel_at_period_end]).toEqual(['active', false]);
  });
});
