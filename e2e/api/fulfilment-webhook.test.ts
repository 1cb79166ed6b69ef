import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { postPayForm } from './pay-without-javascript';
import { startReceiver, type Receiver } from './webhook-fixtures';

// Stripe's fulfilment sample (docs.stripe.com/checkout/fulfillment, stripe-samples): a webhook endpoint
// verifies checkout.session.completed with stripe.webhooks.constructEvent, then fulfils the order from
// the session retrieved with expand ['payment_intent.latest_charge', 'line_items'], only once it is not
// `unpaid`. Here the endpoint is a real HTTP receiver the server delivers to, as it would the merchant's.

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

/** What the sample's fulfillCheckout(sessionId) reads: the lines sold, the receipt and the card. */
async function fulfilCheckout(stripe: Stripe, sessionId: string) {
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent.latest_charge', 'line_items'] });
  if (session.payment_status === 'unpaid') return null;
  const charge = (session.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge;
  return {
    lines: defined(session.line_items, 'line_items').data.map((l) => [l.description, l.quantity, l.amount_total]),
    receiptUrl: defined(charge.receipt_url, 'receipt_url'),
    card: defined(charge.payment_method_details?.card, 'payment_method_details.card'),
    metadata: session.metadata,
  };
}

describe("Stripe's webhook fulfilment sample against Caisse", () => {
  it('checkout.session.completed arrives signed; fulfilling from the expanded session reads the lines, the receipt URL and the card', async () => {
    const { stripe } = await newMerchant('Maison Lumière');
    const path = `/fulfil-${Date.now()}`;
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url(path), enabled_events: ['checkout.session.completed'] });
    const secret = defined(endpoint.secret, 'endpoint.secret');
    receiver.route(path, secret, () => ({ status: 200 }));

    const price = await oneTimePrice(stripe, 2500, 'eur', 'Desk lamp');
    const created = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: SUCCESS_URL,
      metadata: { order: '42' },
    });
    expect((await postPayForm(defined(created.url, 'session.url'))).status).toBe(303);

    await receiver.until(() => receiver.hits.some((h) => h.path === path), 45_000);
    const hit = defined(
      receiver.hits.find((h) => h.path === path),
      'the delivery',
    );
    // The sample's handler: the raw body and the Stripe-Signature header, verified with the endpoint's secret.
    const signature = String(hit.headers['stripe-signature']);
    const event = stripe.webhooks.constructEvent(hit.body, signature, secret);
    expect(event.type).toBe('checkout.session.completed');
    const completed = event.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: created.id, object: 'checkout.session', status: 'complete', payment_status: 'paid' });
    // A body changed on the way fails the check, as it must for the sample to refuse it.
    expect(() => stripe.webhooks.constructEvent(hit.body.replace(created.id, 'cs_test_forged'), signature, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );

    const order = defined(await fulfilCheckout(stripe, completed.id), 'a paid session to fulfil');
    expect(order.lines).toEqual([['Desk lamp', 2, 5000]]);
    expect(order.metadata).toEqual({ order: '42' });
    expect(order.card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 12, funding: 'credit', network: 'visa' });
    const receipt = await fetch(order.receiptUrl);
    expect(receipt.status).toBe(200);
    const html = (await receipt.text()).replaceAll('&#x27;', "'");
    expect(html).toContain('€50.00');
    expect(html).toContain('Visa ending in 4242');
  }, 90_000);

  it('a manual-capture session completes unpaid → the sample does not fulfil it until the hold is captured', async () => {
    const { stripe } = await newMerchant();
    const path = `/fulfil-hold-${Date.now()}`;
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url(path), enabled_events: ['checkout.session.completed'] });
    const secret = defined(endpoint.secret, 'endpoint.secret');
    receiver.route(path, secret, () => ({ status: 200 }));
    const price = await oneTimePrice(stripe, 2500, 'eur');
    const created = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
      payment_intent_data: { capture_method: 'manual' },
    });
    expect((await postPayForm(defined(created.url, 'session.url'))).status).toBe(303);

    await receiver.until(() => receiver.hits.some((h) => h.path === path), 45_000);
    const hit = defined(
      receiver.hits.find((h) => h.path === path),
      'the delivery',
    );
    const event = stripe.webhooks.constructEvent(hit.body, String(hit.headers['stripe-signature']), secret);
    const completed = event.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: created.id, status: 'complete', payment_status: 'unpaid' });
    expect(await fulfilCheckout(stripe, completed.id)).toBeNull();

    await stripe.paymentIntents.capture(defined(completed.payment_intent as string | null, 'payment_intent'));
    const order = defined(await fulfilCheckout(stripe, completed.id), 'the captured session');
    expect(order.card).toMatchObject({ brand: 'visa', last4: '4242' });
    expect(order.card.capture_before).toBeUndefined();
  }, 90_000);
});
