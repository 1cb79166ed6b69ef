import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { postPayForm } from './pay-without-javascript';

// adaptive_pricing[enabled]=true through the official SDK: a customer in Japan sees and pays the euro price in yen,
// at the rate the session locked (the shipped ECB snapshot of 2026-12-04: 1 EUR = 180.85 JPY); the merchant's
// amounts stay in euros, presentment_details says what the customer was shown.

async function adaptiveSession(stripe: Stripe, more: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const product = await stripe.products.create({ name: 'Lamp' });
  const price = await stripe.prices.create({ product: product.id, unit_amount: 10000, currency: 'eur' });
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
    adaptive_pricing: { enabled: true },
    ...more,
  });
}

/** A euro price with a yen amount of the merchant's own (currency_options). */
async function yenPrice(stripe: Stripe, cents: number, yen: number) {
  const product = await stripe.products.create({ name: 'Print' });
  return stripe.prices.create({
    product: product.id,
    unit_amount: cents,
    currency: 'eur',
    currency_options: { jpy: { unit_amount: yen } },
  });
}

describe('adaptive pricing on Checkout Sessions', () => {
  it('a Customer in Japan: presentment_details in JPY from creation, amounts kept in EUR', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ address: { country: 'JP', postal_code: '100-0001' } });
    const session = await adaptiveSession(stripe, { customer: customer.id });
    expect(session.adaptive_pricing).toEqual({ enabled: true });
    expect([session.currency, session.amount_total]).toEqual(['eur', 10000]);
    expect(session.presentment_details).toEqual({ presentment_amount: 18085, presentment_currency: 'jpy' });
  });

  it('paid from Japan on the page: the yen total is shown before the payment, which reports it on the payment intent', async () => {
    const { stripe } = await newMerchant();
    const session = await adaptiveSession(stripe);
    expect(session.presentment_details).toBeUndefined();

    const url = defined(session.url, 'session.url');
    const headers = { 'x-forwarded-for': randomClientAddress() };
    const japan = { 'billing.country': 'JP', 'billing.postal_code': '100-0001' };
    const first = await postPayForm(url, { extra: japan, headers });
    expect(first.status).toBe(200);
    expect(first.html).toContain('Prices are now shown in your currency. Check the new total, then pay.');
    expect(first.html).toContain('18,085');
    expect((await stripe.checkout.sessions.retrieve(session.id)).presentment_details).toEqual({
      presentment_amount: 18085,
      presentment_currency: 'jpy',
    });

    const paid = await postPayForm(url, { extra: japan, headers });
    expect(paid.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(done.status).toBe('complete');
    const intent = done.payment_intent as Stripe.PaymentIntent;
    expect([intent.amount, intent.currency]).toEqual([10000, 'eur']);
    expect(intent.presentment_details).toEqual({ presentment_amount: 18085, presentment_currency: 'jpy' });
  });

  it('a price with a yen amount of its own (currency_options) wins over conversion: the session is priced and paid in yen', async () => {
    const { stripe } = await newMerchant();
    const price = await yenPrice(stripe, 10000, 15000);
    const session = await adaptiveSession(stripe, { line_items: [{ price: price.id, quantity: 2 }] });
    expect([session.currency, session.amount_total]).toEqual(['eur', 20000]);

    const url = defined(session.url, 'session.url');
    const headers = { 'x-forwarded-for': randomClientAddress() };
    // A card declined from France first: the payment intent is made in euros.
    const declined = await postPayForm(url, { card: '4000 0000 0000 0002', headers });
    expect(declined.html).toContain('Your card was declined.');
    const japan = { 'billing.country': 'JP', 'billing.postal_code': '100-0001' };
    const first = await postPayForm(url, { extra: japan, headers });
    expect(first.html).toContain('Prices are now shown in your currency. Check the new total, then pay.');
    expect(first.html).toContain('30,000');
    const shown = await stripe.checkout.sessions.retrieve(session.id);
    expect([shown.currency, shown.amount_subtotal, shown.amount_total]).toEqual(['jpy', 30000, 30000]);
    expect(shown.presentment_details).toBeUndefined();

    const paid = await postPayForm(url, { extra: japan, headers });
    expect(paid.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect([done.status, done.currency, done.amount_total]).toEqual(['complete', 'jpy', 30000]);
    // The euro intent of the declined attempt now charges the yen total.
    const intent = done.payment_intent as Stripe.PaymentIntent;
    expect([intent.amount, intent.currency, intent.amount_received]).toEqual([30000, 'jpy', 30000]);
    expect(intent.presentment_details).toBeUndefined();
  });

  it('a yen price that takes the cart over the largest payment: the page says so, and the session stays as it was', async () => {
    const { stripe } = await newMerchant();
    const price = await yenPrice(stripe, 1000, 99_999_999);
    const session = await adaptiveSession(stripe, { line_items: [{ price: price.id, quantity: 2 }] });
    const url = defined(session.url, 'session.url');
    const japan = { 'billing.country': 'JP', 'billing.postal_code': '100-0001' };
    const refused = await postPayForm(url, { extra: japan, headers: { 'x-forwarded-for': randomClientAddress() } });
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('The total would exceed the largest amount a single payment can be.');
    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect([after.status, after.currency, after.amount_total, after.payment_intent]).toEqual(['open', 'eur', 2000, null]);
  });

  it('one line without a yen amount of its own: the whole session is converted instead', async () => {
    const { stripe } = await newMerchant();
    const withYen = await yenPrice(stripe, 10000, 15000);
    const customer = await stripe.customers.create({ address: { country: 'JP', postal_code: '100-0001' } });
    const mixed = await adaptiveSession(stripe, { customer: customer.id });
    const yenOnly = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: withYen.id, quantity: 1 }],
      success_url: SUCCESS_URL,
      adaptive_pricing: { enabled: true },
      customer: customer.id,
    });
    expect([yenOnly.currency, yenOnly.amount_total, yenOnly.presentment_details]).toEqual(['jpy', 15000, undefined]);
    const updated = await stripe.checkout.sessions.update(mixed.id, {
      line_items: [
        { id: defined((await stripe.checkout.sessions.listLineItems(mixed.id)).data[0], 'line').id },
        { price: withYen.id, quantity: 1 },
      ],
    });
    expect([updated.currency, updated.amount_total]).toEqual(['eur', 20000]);
    expect(updated.presentment_details).toEqual({ presentment_amount: 36170, presentment_currency: 'jpy' });
  });

  it('a customer whose currency is the session’s pays as without it; a subscription is refused', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ address: { country: 'DE' } });
    const session = await adaptiveSession(stripe, { customer: customer.id });
    expect(session.presentment_details).toBeUndefined();

    const product = await stripe.products.create({ name: 'Club' });
    const monthly = await stripe.prices.create({
      product: product.id,
      unit_amount: 1000,
      currency: 'eur',
      recurring: { interval: 'month' },
    });
    await expect(
      stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: monthly.id, quantity: 1 }],
        success_url: SUCCESS_URL,
        adaptive_pricing: { enabled: true },
      }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'adaptive_pricing[enabled]' });
  });
});
