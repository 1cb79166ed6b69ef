import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSession } from '../support/paid-session';
import { sdkFields, shapeGaps } from './sdk-fields';

const YEAR = (new Date().getUTCFullYear() + 5) % 100;
const noGaps = { missing: [], unknown: [] };

describe('the charge behind a paid session', () => {
  it("paid by card on the page → every field of Stripe's Charge, card details, outcome and receipt URL", async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSession(stripe);
    const charge = await stripe.charges.retrieve(paid.chargeId);

    expect(shapeGaps(charge, sdkFields('Charges', ['Charge']))).toEqual(noGaps);
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 2500,
      amount_captured: 2500,
      amount_refunded: 0,
      captured: true,
      paid: true,
      refunded: false,
      disputed: false,
      status: 'succeeded',
      currency: 'eur',
      payment_intent: paid.paymentIntentId,
      billing_details: { email: 'jenny@example.com', name: 'Jenny Rosen', address: { country: 'FR', postal_code: '75001' } },
      outcome: { network_status: 'approved_by_network', type: 'authorized', risk_level: 'normal' },
      failure_code: null,
    });
    expect(charge.id).toMatch(/^ch_/);
    expect(charge.receipt_url).toMatch(/^https?:\/\/.+/);
    expect(shapeGaps(defined(charge.outcome, 'outcome'), sdkFields('Charges', ['Charge', 'Outcome']))).toEqual(noGaps);

    const details = defined(charge.payment_method_details, 'payment_method_details');
    expect(details.type).toBe('card');
    const card = defined(details.card, 'card details');
    expect(shapeGaps(card, sdkFields('Charges', ['Charge', 'PaymentMethodDetails', 'Card']))).toEqual(noGaps);
    expect(card).toMatchObject({
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2000 + YEAR,
      funding: 'credit',
      checks: { cvc_check: 'pass' },
      amount_authorized: 2500,
      three_d_secure: null,
      network: 'visa',
    });
    expect(card.capture_before).toBeUndefined();
    expect(charge.payment_method).toBe((await stripe.paymentIntents.retrieve(paid.paymentIntentId)).payment_method);
  });

  it('paid with a 3-D Secure card → three_d_secure shows the challenge and its result', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSession(stripe, { card: '4000 0027 6000 3184' });
    const card = defined((await stripe.charges.retrieve(paid.chargeId)).payment_method_details?.card, 'card details');
    expect(card.three_d_secure).toMatchObject({ authentication_flow: 'challenge', result: 'authenticated', version: '2.2.0' });
    expect(
      shapeGaps(defined(card.three_d_secure, '3DS'), sdkFields('Charges', ['Charge', 'PaymentMethodDetails', 'Card', 'ThreeDSecure'])),
    ).toEqual(noGaps);
  });

  it("the stripe-samples fulfilment retrieve: expand ['payment_intent.latest_charge', 'line_items'] → the charge and the lines inline", async () => {
    const { stripe } = await newMerchant();
    const { id } = (await paidSession(stripe)).session;
    const session = await stripe.checkout.sessions.retrieve(id, { expand: ['payment_intent.latest_charge', 'line_items'] });
    const pi = session.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount_received: 2500 });
    expect(pi.latest_charge).toMatchObject({ object: 'charge', paid: true, captured: true, amount_captured: 2500, payment_intent: pi.id });
    expect(session.line_items?.data.map((l) => l.amount_total)).toEqual([2500]);

    const expanded = await stripe.paymentIntents.retrieve(pi.id, {
      expand: ['latest_charge', 'payment_method', 'latest_charge.payment_intent'],
    });
    expect((expanded.payment_method as Stripe.PaymentMethod).object).toBe('payment_method');
    expect(((expanded.latest_charge as Stripe.Charge).payment_intent as Stripe.PaymentIntent).id).toBe(pi.id);
    const refused = await stripeError(stripe.checkout.sessions.retrieve(id, { expand: ['payment_intent.latest_charge.nope'] }));
    expect(refused).toMatchObject({ statusCode: 400, param: 'expand' });
  });
});

describe('listing and updating charges', () => {
  it('lists newest first, by customer and by payment_intent, a page at a time', async () => {
    const { stripe } = await newMerchant();
    const first = await paidSession(stripe, { params: { customer_creation: 'always' } });
    const second = await paidSession(stripe);
    const all = await stripe.charges.list();
    expect(all).toMatchObject({ object: 'list', url: '/v1/charges', has_more: false });
    expect(all.data.map((c) => c.payment_intent)).toEqual([second.paymentIntentId, first.paymentIntentId]);

    const customer = defined(first.session.customer as string | null, 'customer');
    expect((await stripe.charges.list({ customer })).data.map((c) => c.payment_intent)).toEqual([first.paymentIntentId]);
    expect((await stripe.charges.list({ payment_intent: second.paymentIntentId })).data.map((c) => c.payment_intent)).toEqual([
      second.paymentIntentId,
    ]);
    expect((await stripe.charges.list({ customer: 'cus_nobody' })).data).toEqual([]);

    const page1 = await stripe.charges.list({ limit: 1 });
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.charges.list({ limit: 1, starting_after: page1.data[0].id });
    expect([page2.data[0].id, page2.has_more]).toEqual([all.data[1].id, false]);
    expect((await stripe.charges.list({ created: { gte: all.data[1].created } })).data).toHaveLength(2);
  });

  it('updates metadata, description and shipping → the charge keeps them, charge.updated says what they were', async () => {
    const { stripe } = await newMerchant();
    const charge = await stripe.charges.retrieve((await paidSession(stripe)).chargeId);
    const shipping = {
      name: 'Jenny Rosen',
      address: { line1: '1 rue de Rivoli', city: 'Paris', country: 'FR' },
      carrier: 'La Poste',
      tracking_number: 'LP123',
    };
    const updated = await stripe.charges.update(charge.id, { metadata: { order: '42' }, description: 'Order 42', shipping });
    expect(updated).toMatchObject({ metadata: { order: '42' }, description: 'Order 42' });
    expect(updated.shipping).toEqual({
      name: 'Jenny Rosen',
      address: { line1: '1 rue de Rivoli', line2: null, city: 'Paris', state: null, postal_code: null, country: 'FR' },
      carrier: 'La Poste',
      phone: null,
      tracking_number: 'LP123',
    });
    expect(await stripe.charges.retrieve(charge.id)).toEqual(JSON.parse(JSON.stringify(updated)));

    const [event] = (await stripe.events.list({ type: 'charge.updated' })).data;
    expect(event.data.object).toEqual(JSON.parse(JSON.stringify(updated)));
    expect(event.data.previous_attributes).toEqual({ metadata: {}, description: null, shipping: null });
    expect(event.request?.id).toBe(updated.lastResponse.requestId);

    await stripe.charges.update(charge.id, { metadata: { order: '' } });
    expect((await stripe.charges.retrieve(charge.id)).metadata).toEqual({});
    const unknown = await stripeError(stripe.charges.update(charge.id, { fraud_details: { user_report: 'safe' } }));
    expect(unknown).toMatchObject({ statusCode: 400, param: 'fraud_details' });
  });
});

describe('what Caisse refuses', () => {
  it('POST /v1/charges → 400: charges come from Checkout Sessions', async () => {
    const { stripe } = await newMerchant();
    const err = await stripeError(stripe.charges.create({ amount: 2500, currency: 'eur', source: 'tok_visa' }));
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(err.message).toMatch(/create a Checkout Session/);
  });

  it("another merchant's charge → 404 resource_missing on retrieve, update and capture", async () => {
    const owner = await newMerchant();
    const charge = await owner.stripe.charges.retrieve((await paidSession(owner.stripe)).chargeId);
    const { stripe } = await newMerchant();
    for (const call of [
      () => stripe.charges.retrieve(charge.id),
      () => stripe.charges.update(charge.id, { metadata: { x: '1' } }),
      () => stripe.charges.capture(charge.id),
    ]) {
      const err = await stripeError(call());
      expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing', message: `No such charge: '${charge.id}'` });
    }
    expect((await stripe.charges.list()).data).toEqual([]);
    expect((await stripe.charges.list({ payment_intent: charge.payment_intent as string })).data).toEqual([]);
  });
});
