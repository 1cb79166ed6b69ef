import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSession } from '../support/paid-session';
import { postPayForm } from './pay-without-javascript';
import { endpointOn, receivedEvents, startReceiver, type Receiver } from './webhook-fixtures';

const MANUAL = { payment_intent_data: { capture_method: 'manual' as const } };
const DAY = 86400;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

describe('a manual-capture session', () => {
  it('paid → requires_capture; captured for less (idempotently) → succeeded, the charge captured for that, events signed and delivered', async () => {
    const { stripe } = await newMerchant();
    const types = ['charge.captured', 'payment_intent.succeeded', 'payment_intent.amount_capturable_updated'] as const;
    const endpoint = await endpointOn(stripe, receiver, [...types]);

    const { session, paymentIntentId } = await paidSession(stripe, { params: MANUAL });
    expect(session.payment_status).toBe('unpaid');
    const authorized = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] });
    expect(authorized).toMatchObject({ status: 'requires_capture', capture_method: 'manual', amount_capturable: 2500, amount_received: 0 });
    const held = authorized.latest_charge as Stripe.Charge;
    expect(held).toMatchObject({ captured: false, paid: true, status: 'succeeded', amount_captured: 0 });
    const captureBefore = defined(held.payment_method_details?.card?.capture_before, 'capture_before');
    expect(captureBefore - held.created).toBe(7 * DAY);

    const capture = () =>
      stripe.paymentIntents.capture(authorized.id, { amount_to_capture: 1500 }, { idempotencyKey: `cap-${authorized.id}` });
    const pi = await capture();
    expect(pi).toMatchObject({ status: 'succeeded', amount: 2500, amount_received: 1500, amount_capturable: 0 });
    // The same key again: the same answer, and nothing captured twice.
    const replay = await capture();
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(JSON.parse(JSON.stringify(replay))).toEqual(JSON.parse(JSON.stringify(pi)));

    const charge = await stripe.charges.retrieve(held.id);
    // As Stripe since 2025-03-31.basil: the released €10.00 is not a refund.
    expect(charge).toMatchObject({ captured: true, amount: 2500, amount_captured: 1500, amount_refunded: 0, refunded: false });
    expect(charge.payment_method_details?.card?.capture_before).toBeUndefined();
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
    expect((await stripe.events.list({ type: 'charge.captured' })).data).toHaveLength(1);

    await receiver.until(() => receivedEvents(receiver, endpoint).length === types.length, 30_000);
    const events = receivedEvents(receiver, endpoint);
    expect(events.map((e) => e.type).sort()).toEqual([...types].sort());
    const captured = events.find((e) => e.type === 'charge.captured')?.data.object as Stripe.Charge;
    expect(captured).toMatchObject({ id: held.id, amount_captured: 1500, captured: true });
    const succeeded = events.find((e) => e.type === 'payment_intent.succeeded')?.data.object as Stripe.PaymentIntent;
    expect(succeeded).toMatchObject({ id: pi.id, amount_received: 1500 });
  });

  it('captured twice, or for more than authorized → Stripe’s errors', async () => {
    const { stripe } = await newMerchant();
    const id = (await paidSession(stripe, { params: MANUAL })).paymentIntentId;
    const tooMuch = await stripeError(stripe.paymentIntents.capture(id, { amount_to_capture: 2501 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount_to_capture' });
    const zero = await stripeError(stripe.paymentIntents.capture(id, { amount_to_capture: 0 }));
    expect(zero).toMatchObject({ statusCode: 400, param: 'amount_to_capture' });
    await stripe.paymentIntents.capture(id);
    const twice = await stripeError(stripe.paymentIntents.capture(id));
    expect(twice).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(twice.message).toBe(
      'This PaymentIntent could not be captured because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.',
    );
  });

  it('canceled → canceled with its reason, the authorization released without a refund, payment_intent.canceled', async () => {
    const { stripe } = await newMerchant();
    const { session, paymentIntentId } = await paidSession(stripe, { params: MANUAL });
    const pi = await stripe.paymentIntents.cancel(paymentIntentId, { cancellation_reason: 'requested_by_customer' });
    expect(pi).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'requested_by_customer',
      amount_capturable: 0,
      amount_received: 0,
    });
    expect(pi.canceled_at).toEqual(expect.any(Number));
    const charge = await stripe.charges.retrieve(defined(pi.latest_charge as string | null, 'latest_charge'));
    expect(charge).toMatchObject({ captured: false, amount_captured: 0, amount_refunded: 0, refunded: false, status: 'succeeded' });
    const [event] = (await stripe.events.list({ type: 'payment_intent.canceled' })).data;
    expect(event.data.object).toMatchObject({ id: pi.id, status: 'canceled' });
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('unpaid');
    const late = await stripeError(stripe.paymentIntents.capture(pi.id));
    expect(late.message).toMatch(/has a status of canceled/);
  });

  it('the legacy capture, POST /v1/charges/:id/capture → the same capture, answered with the charge', async () => {
    const { stripe } = await newMerchant();
    const pi = await stripe.paymentIntents.retrieve((await paidSession(stripe, { params: MANUAL })).paymentIntentId);
    const chargeId = defined(pi.latest_charge as string | null, 'latest_charge');
    const charge = await stripe.charges.capture(chargeId, { amount: 1000 });
    expect(charge).toMatchObject({ object: 'charge', captured: true, amount_captured: 1000, amount_refunded: 0 });
    expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({ status: 'succeeded', amount_received: 1000 });
    const again = await stripeError(stripe.charges.capture(chargeId));
    expect(again).toMatchObject({
      statusCode: 400,
      code: 'charge_already_captured',
      message: `Charge ${chargeId} has already been captured.`,
    });
  });
});

describe('canceling what cannot be canceled', () => {
  it('a succeeded intent → payment_intent_unexpected_state with the statuses that may be canceled', async () => {
    const { stripe } = await newMerchant();
    const id = (await paidSession(stripe)).paymentIntentId;
    const err = await stripeError(stripe.paymentIntents.cancel(id));
    expect(err).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(err.message).toBe(
      'You cannot cancel this PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.',
    );
  });

  it("an open session's intent (a declined attempt) → expire the Checkout Session instead", async () => {
    const { stripe } = await newMerchant();
    const price = await stripe.prices.create({ currency: 'eur', unit_amount: 2500, product_data: { name: 'Lamp' } });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://shop.example/ok',
    });
    await postPayForm(defined(session.url, 'session.url'), { card: '4000 0000 0000 0002' });
    const [pi] = (await stripe.paymentIntents.list()).data;
    expect(pi.status).toBe('requires_payment_method');
    const err = await stripeError(stripe.paymentIntents.cancel(pi.id));
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/^You cannot perform this action on PaymentIntents created by Checkout\./);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it("another merchant's intent → 404 on capture and cancel", async () => {
    const owner = await newMerchant();
    const id = (await paidSession(owner.stripe, { params: MANUAL })).paymentIntentId;
    const { stripe } = await newMerchant();
    for (const call of [() => stripe.paymentIntents.capture(id), () => stripe.paymentIntents.cancel(id)])
      expect(await stripeError(call())).toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
        message: `No such payment_intent: '${id}'`,
      });
    expect((await owner.stripe.paymentIntents.retrieve(id)).status).toBe('requires_capture');
  });
});
