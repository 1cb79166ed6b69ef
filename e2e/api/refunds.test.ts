import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSession } from '../support/paid-session';
import { chargeOf, refundEndpoint } from './refund-fixtures';
import { receivedEvents, startReceiver, type Receiver } from './webhook-fixtures';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  // Unset if beforeAll failed before starting it.
  await (receiver as Receiver | undefined)?.close();
});

const refundIn = (e: Stripe.Event) => e.data.object as Stripe.Refund;
const chargeIn = (e: Stripe.Event) => e.data.object as Stripe.Charge;

describe('refunding a paid session through the official SDK', () => {
  it('in part twice, then the rest: each refund, the charge, the list, and every event delivered to the endpoint, signed', async () => {
    const { stripe } = await newMerchant();
    const endpoint = await refundEndpoint(stripe, receiver);
    const paid = await paidSession(stripe, { unitAmount: 5000, quantity: 2, currency: 'usd' });
    expect(paid.amount).toBe(10000);

    const first = await stripe.refunds.create({ payment_intent: paid.paymentIntentId, amount: 2000 });
    expect(first).toMatchObject({
      object: 'refund',
      amount: 2000,
      charge: paid.chargeId,
      payment_intent: paid.paymentIntentId,
      currency: 'usd',
      status: 'succeeded',
      reason: null,
      metadata: {},
    });
    expect(await chargeOf(stripe, first.id)).toMatchObject({ id: paid.chargeId, amount_refunded: 2000, refunded: false });

    const second = await stripe.refunds.create({
      charge: paid.chargeId,
      amount: 3000,
      reason: 'requested_by_customer',
      metadata: { ticket: 'T-9' },
    });
    expect(second).toMatchObject({ amount: 3000, reason: 'requested_by_customer', metadata: { ticket: 'T-9' } });
    expect(await chargeOf(stripe, second.id)).toMatchObject({ amount_refunded: 5000, refunded: false });

    const rest = await stripe.refunds.create({ charge: paid.chargeId });
    expect(rest).toMatchObject({ amount: 5000, status: 'succeeded' });
    expect(await chargeOf(stripe, rest.id)).toMatchObject({ amount_refunded: 10000, refunded: true });

    const listed = await stripe.refunds.list({ charge: paid.chargeId });
    expect(listed).toMatchObject({ object: 'list', has_more: false, url: '/v1/refunds' });
    expect(listed.data.map((r) => r.id)).toEqual([rest.id, second.id, first.id]);
    expect((await stripe.refunds.list({ payment_intent: paid.paymentIntentId })).data).toHaveLength(3);

    const again = await stripeError(stripe.refunds.create({ charge: paid.chargeId, amount: 1 }));
    expect(again).toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'charge_already_refunded',
      message: `Charge ${paid.chargeId} has already been refunded.`,
    });

    // Three refund.created and three charge.refunded, each delivered and verified with the endpoint's secret.
    await receiver.until(() => receivedEvents(receiver, endpoint).length >= 6, 30_000);
    const events = receivedEvents(receiver, endpoint);
    expect(events.map((e) => e.type).sort()).toEqual([
      'charge.refunded',
      'charge.refunded',
      'charge.refunded',
      'refund.created',
      'refund.created',
      'refund.created',
    ]);
    const created = events.filter((e) => e.type === 'refund.created').map((e) => refundIn(e));
    expect(created.map((r) => r.id).sort()).toEqual([first.id, second.id, rest.id].sort());
    expect(created.find((r) => r.id === second.id)).toEqual(second);
    const refunded = events.filter((e) => e.type === 'charge.refunded');
    expect(
      refunded.map((e) => [chargeIn(e).amount_refunded, e.data.previous_attributes]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [2000, { amount_refunded: 0 }],
      [5000, { amount_refunded: 2000 }],
      [10000, { amount_refunded: 5000, refunded: false }],
    ]);
    // The events are the API's own.
    const [newest] = (await stripe.events.list({ type: 'charge.refunded', limit: 1 })).data;
    expect(chargeIn(newest)).toMatchObject({ id: paid.chargeId, refunded: true });
  });

  it('more than is left → 400 on amount, the amounts as Stripe formats them; nothing refunded', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSession(stripe, { currency: 'usd' });
    const first = await stripe.refunds.create({ charge: paid.chargeId, amount: 500 });
    const err = await stripeError(stripe.refunds.create({ charge: paid.chargeId, amount: 2001 }));
    expect(err).toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      param: 'amount',
      message: 'Refund amount ($20.01) is greater than unrefunded amount on charge ($20.00)',
    });
    expect(await chargeOf(stripe, first.id)).toMatchObject({ amount_refunded: 500 });
  });

  it("neither charge nor payment_intent → 400 in Stripe's words; an unknown parameter → parameter_unknown", async () => {
    const { stripe } = await newMerchant();
    expect(await stripeError(stripe.refunds.create({ amount: 100 }))).toMatchObject({
      statusCode: 400,
      message: 'One of the following params should be provided for this request: payment_intent or charge.',
    });
    expect(await stripeError(stripe.refunds.create({ charge: 'ch_x', reverse_transfer: true }))).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'reverse_transfer',
    });
  });

  it("another merchant's charge, payment intent or refund → 404 resource_missing", async () => {
    const owner = await newMerchant();
    const paid = await paidSession(owner.stripe);
    const theirs = await owner.stripe.refunds.create({ charge: paid.chargeId, amount: 100 });
    const { stripe } = await newMerchant();
    expect(await stripeError(stripe.refunds.create({ charge: paid.chargeId }))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'charge',
      message: `No such charge: '${paid.chargeId}'`,
    });
    expect(await stripeError(stripe.refunds.create({ payment_intent: paid.paymentIntentId }))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'payment_intent',
    });
    for (const call of [
      () => stripe.refunds.retrieve(theirs.id),
      () => stripe.refunds.update(theirs.id, { metadata: { a: 'b' } }),
      () => stripe.refunds.cancel(theirs.id),
    ])
      expect(await stripeError(call())).toMatchObject({
        statusCode: 404,
        code: 'resource_missing',
        message: `No such refund: '${theirs.id}'`,
      });
    expect((await stripe.refunds.list()).data).toEqual([]);
    expect(await chargeOf(owner.stripe, theirs.id)).toMatchObject({ amount_refunded: 100 });
  });

  it('updates metadata; a succeeded refund cannot be canceled', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSession(stripe);
    const refund = await stripe.refunds.create({ charge: paid.chargeId, amount: 700, metadata: { a: '1' } });
    const updated = await stripe.refunds.update(refund.id, { metadata: { b: '2', a: '' } });
    expect(updated).toMatchObject({ id: refund.id, metadata: { b: '2' }, status: 'succeeded' });
    expect((await stripe.refunds.retrieve(refund.id)).metadata).toEqual({ b: '2' });
    expect(await stripeError(stripe.refunds.update(refund.id, { amount: 5 } as Stripe.RefundUpdateParams))).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'amount',
    });
    const types = (await stripe.events.list({ limit: 2 })).data.map((e) => e.type);
    expect(types.sort()).toEqual(['charge.refund.updated', 'refund.updated']);

    const err = await stripeError(stripe.refunds.cancel(refund.id));
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', message: 'Canceling this refund is unsupported.' });
    expect(err.code).toBeUndefined();
  });

  it('the same Idempotency-Key twice → one refund, the same response', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSession(stripe);
    const once = await stripe.refunds.create({ charge: paid.chargeId, amount: 900 }, { idempotencyKey: `refund-${paid.chargeId}` });
    const twice = await stripe.refunds.create({ charge: paid.chargeId, amount: 900 }, { idempotencyKey: `refund-${paid.chargeId}` });
    expect(twice).toEqual(once);
    expect(twice.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.refunds.list({ charge: paid.chargeId })).data.map((r) => r.id)).toEqual([once.id]);
    expect(await chargeOf(stripe, once.id)).toMatchObject({ amount_refunded: 900 });
  });

  it('a refund expands its charge and payment intent; the charge expands its refunds, as a list', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSession(stripe);
    const a = await stripe.refunds.create({ charge: paid.chargeId, amount: 100 });
    const b = await stripe.refunds.create({ charge: paid.chargeId, amount: 200, expand: ['payment_intent'] });
    expect(b.payment_intent).toMatchObject({ id: paid.paymentIntentId, object: 'payment_intent' });
    const got = await stripe.refunds.retrieve(a.id, { expand: ['charge.refunds', 'payment_intent'] });
    expect(got.charge).toMatchObject({
      id: paid.chargeId,
      object: 'charge',
      amount_refunded: 300,
      refunds: { object: 'list', has_more: false, url: `/v1/refunds?charge=${paid.chargeId}` },
    });
    expect((got.charge as Stripe.Charge).refunds?.data.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await stripe.refunds.list({ expand: ['data.charge'] })).data.map((r) => (r.charge as Stripe.Charge).id)).toEqual([
      paid.chargeId,
      paid.chargeId,
    ]);
    expect(await stripeError(stripe.refunds.retrieve(a.id, { expand: ['customer_account'] }))).toMatchObject({
      statusCode: 400,
      param: 'expand',
    });
  });
});
