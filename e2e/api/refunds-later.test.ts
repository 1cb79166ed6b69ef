import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMerchant, stripeError } from '../support/merchant';
import { CARD_REFUND_FAILS, IBAN_SUCCEEDS, paidSession } from '../support/paid-session';
import { chargeOf, refundEndpoint } from './refund-fixtures';
import { receivedEvents, startReceiver, type Receiver } from './webhook-fixtures';

// What happens to refunds after they are made (the server's follow-up sweep, on the real clock), and
// refunds made all at once.

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await (receiver as Receiver | undefined)?.close();
});

const POLL = { timeout: 30_000, interval: 500 };

describe('refunds that change later', () => {
  it('card 4000 0000 0000 5126: the refund succeeds, then fails (failure_reason), refund.failed is delivered, the amount is back', async () => {
    const { stripe } = await newMerchant();
    const endpoint = await refundEndpoint(stripe, receiver);
    const paid = await paidSession(stripe, { card: CARD_REFUND_FAILS });
    const refund = await stripe.refunds.create({ charge: paid.chargeId, amount: 1000 });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 1000 });
    expect(refund.failure_reason).toBeUndefined();

    await expect.poll(async () => (await stripe.refunds.retrieve(refund.id)).status, POLL).toBe('failed');
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(await chargeOf(stripe, refund.id)).toMatchObject({ amount_refunded: 0, refunded: false });

    // Deliveries run side by side, so the three events of the failure may arrive in any order.
    const arrived = (type: string) => receivedEvents(receiver, endpoint).some((e) => e.type === type);
    await receiver.until(() => ['refund.failed', 'refund.updated', 'charge.refund.updated'].every(arrived), 30_000);
    const events = receivedEvents(receiver, endpoint);
    const failed = events.filter((e) => e.type === 'refund.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].data.object).toMatchObject({ id: refund.id, status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(failed[0].data.previous_attributes).toMatchObject({ status: 'succeeded' });
    expect(events.filter((e) => e.type === 'refund.updated').map((e) => e.data.object.status)).toEqual(['failed']);

    // The money is back on the charge: the whole amount can be refunded again.
    expect((await stripe.refunds.create({ charge: paid.chargeId })).amount).toBe(2500);
  });

  it('a SEPA Direct Debit payment: its refund is pending, counted on the charge, then succeeded', async () => {
    const { stripe } = await newMerchant();
    const paid = await paidSession(stripe, { sepaIban: IBAN_SUCCEEDS, unitAmount: 4000 });
    // The bank confirms the debit after the server's SEPA_TEST_SETTLE_SECONDS: only then is there money to refund.
    expect(await stripeError(stripe.refunds.create({ charge: paid.chargeId }))).toMatchObject({
      statusCode: 400,
      message: `This PaymentIntent (${paid.paymentIntentId}) does not have a successful charge to refund.`,
    });
    await expect.poll(async () => (await stripe.paymentIntents.retrieve(paid.paymentIntentId)).status, POLL).toBe('succeeded');

    const refund = await stripe.refunds.create({ payment_intent: paid.paymentIntentId, amount: 1500 });
    expect(refund).toMatchObject({ status: 'pending', amount: 1500, currency: 'eur' });
    expect(await chargeOf(stripe, refund.id)).toMatchObject({ amount_refunded: 1500 });
    await expect.poll(async () => (await stripe.refunds.retrieve(refund.id)).status, POLL).toBe('succeeded');
    expect(await chargeOf(stripe, refund.id)).toMatchObject({ amount_refunded: 1500, refunded: false });
    const types = (await stripe.events.list({ limit: 2 })).data.map((e) => e.type);
    expect(types.sort()).toEqual(['charge.refund.updated', 'refund.updated']);
  });
});

describe('refunds made all at once', () => {
  it("20 partial refunds of one charge at the same time → never more than its amount; the others refused in Stripe's words", async () => {
    const { stripe } = await newMerchant();
    // In dollars: the refusal formats the amounts as Stripe's own example does.
    const paid = await paidSession(stripe, { currency: 'usd' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => stripe.refunds.create({ charge: paid.chargeId, amount: 300 })),
    );
    const made = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(made.length).toBe(8);
    expect(made.every((r) => r.status === 'succeeded' && r.amount === 300)).toBe(true);
    for (const err of refused)
      expect(err).toMatchObject({
        statusCode: 400,
        type: 'StripeInvalidRequestError',
        param: 'amount',
        message: expect.stringMatching(/^Refund amount \(\$3\.00\) is greater than unrefunded amount on charge \(\$[01]\.00\)$/) as unknown,
      });
    const sum = made.reduce((s, r) => s + r.amount, 0);
    expect(sum).toBeLessThanOrEqual(paid.amount);
    expect(await chargeOf(stripe, made[0].id)).toMatchObject({ amount_refunded: sum });
    expect((await stripe.refunds.list({ charge: paid.chargeId, limit: 100 })).data).toHaveLength(made.length);
  });
});
