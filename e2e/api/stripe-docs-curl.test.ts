import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { newMerchant, testServerUrl } from '../support/merchant';
import { curl } from './docs-curl';

describe("curl commands from Stripe's Checkout docs", () => {
  it('a merchant pastes the embedded Checkout curl → an embedded session with a client secret and the return URL kept verbatim', async () => {
    const { stripe, secretKey } = await newMerchant();
    const product = await stripe.products.create({ name: 'T-shirt' });
    const price = await stripe.prices.create({ product: product.id, unit_amount: 2000, currency: 'usd' });
    const { status, body: reply } = await curl([
      `${testServerUrl()}/v1/checkout/sessions`,
      '-u',
      `${secretKey}:`,
      '-d',
      `line_items[0][price]=${price.id}`,
      '-d',
      'line_items[0][quantity]=1',
      '-d',
      'mode=payment',
      '-d',
      'ui_mode=embedded',
      '--data-urlencode',
      'return_url=https://example.com/checkout/return?session_id={CHECKOUT_SESSION_ID}',
    ]);
    expect(status).toBe(200);
    const body = reply as Stripe.Checkout.Session;
    expect(body).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      ui_mode: 'embedded',
      url: null,
      success_url: null,
      cancel_url: null,
      return_url: 'https://example.com/checkout/return?session_id={CHECKOUT_SESSION_ID}',
      amount_subtotal: 2000,
      amount_total: 2000,
      currency: 'usd',
      status: 'open',
      payment_status: 'unpaid',
      livemode: false,
    });
    expect(body.id).toMatch(/^cs_test_/);
    expect(body.client_secret).toEqual(expect.stringMatching(new RegExp(`^${body.id}_secret_`)));
    const fetched = await stripe.checkout.sessions.retrieve(body.id, { expand: ['line_items'] });
    expect(fetched.line_items?.data.map((li) => [li.price?.id, li.quantity, li.amount_total])).toEqual([[price.id, 1, 2000]]);
  });

  it('a merchant pastes the subscription curl with a recurring and a one-time price → one session charging both', async () => {
    const { stripe, secretKey } = await newMerchant();
    const product = await stripe.products.create({ name: 'Gold plan' });
    const monthly = await stripe.prices.create({
      product: product.id,
      unit_amount: 1500,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
    const setupFee = await stripe.prices.create({ product: product.id, unit_amount: 4900, currency: 'usd' });
    const { status, body: reply } = await curl([
      `${testServerUrl()}/v1/checkout/sessions`,
      '-u',
      `${secretKey}:`,
      '-d',
      `line_items[0][price]=${monthly.id}`,
      '-d',
      'line_items[0][quantity]=1',
      '-d',
      `line_items[1][price]=${setupFee.id}`,
      '-d',
      'line_items[1][quantity]=1',
      '-d',
      'mode=subscription',
      '--data-urlencode',
      'success_url=https://example.com/success?session_id={CHECKOUT_SESSION_ID}',
    ]);
    expect(status).toBe(200);
    const body = reply as Stripe.Checkout.Session;
    expect(body).toMatchObject({
      object: 'checkout.session',
      mode: 'subscription',
      ui_mode: 'hosted_page',
      success_url: 'https://example.com/success?session_id={CHECKOUT_SESSION_ID}',
      amount_subtotal: 6400,
      amount_total: 6400,
      currency: 'usd',
      client_secret: null,
      status: 'open',
    });
    expect(body.url).toEqual(expect.stringContaining(body.id));
    const items = await stripe.checkout.sessions.listLineItems(body.id);
    expect(items.data.map((li) => [li.price?.id, li.price?.type, li.amount_total])).toEqual([
      [monthly.id, 'recurring', 1500],
      [setupFee.id, 'one_time', 4900],
    ]);
  });

  it('a merchant pastes a curl with a wrong key → 401 from curl too', async () => {
    const { status, body } = await curl([
      `${testServerUrl()}/v1/checkout/sessions`,
      '-u',
      'sk_test_not_a_real_key_123456:',
      '-d',
      'mode=payment',
    ]);
    expect(status).toBe(401);
    expect(body).toEqual({ error: { type: 'invalid_request_error', message: `Invalid API Key provided: sk_test_${'*'.repeat(17)}3456` } });
  });
});
