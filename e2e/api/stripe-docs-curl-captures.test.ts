import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { docsCurl } from './docs-curl';
import { paidSession } from '../support/paid-session';

// The capture and cancel commands of Stripe's API reference (docs.stripe.com/api/payment_intents/capture
// and /cancel, as printed for 2025-04-30.basil) and of its guide to placing a hold on a payment method
// (docs.stripe.com/payments/place-a-hold-on-a-payment-method: a 10.99 hold captured for 7.50), pasted as
// they are: only the host, the key and the ids change (docsCurl). The PaymentIntents come from Checkout
// Sessions created with payment_intent_data.capture_method=manual and paid on the hosted page.

const CAPTURE = String.raw`
curl -X POST https://api.stripe.com/v1/payment_intents/{{PAYMENT_INTENT_ID}}/capture \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

const CAPTURE_FOR_LESS = String.raw`
curl https://api.stripe.com/v1/payment_intents/{{PAYMENT_INTENT_ID}}/capture \
  -u "<<YOUR_SECRET_KEY>>:" \
  -d amount_to_capture=750
`;

const CANCEL = String.raw`
curl -X POST https://api.stripe.com/v1/payment_intents/{{PAYMENT_INTENT_ID}}/cancel \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

const MANUAL = { payment_intent_data: { capture_method: 'manual' as const } };

/** A merchant whose customer's card is held (not charged) for `unitAmount` on a manual-capture session. */
async function heldPayment(unitAmount: number) {
  const merchant = await newMerchant();
  const session = (await paidSession(merchant.stripe, { params: MANUAL, unitAmount })).session;
  const pi = await merchant.stripe.paymentIntents.retrieve(defined(session.payment_intent as string | null, 'session.payment_intent'));
  expect(pi).toMatchObject({ status: 'requires_capture', amount_capturable: unitAmount });
  return { ...merchant, session, pi, chargeId: defined(pi.latest_charge as string | null, 'latest_charge') };
}

describe("capture and cancel curl commands from Stripe's docs", () => {
  it('the reference’s capture curl with no amount → the whole hold is captured, the session paid', async () => {
    const { stripe, secretKey: key, session, pi, chargeId } = await heldPayment(2000);
    const { status, body } = await docsCurl(CAPTURE, { key, ids: { PAYMENT_INTENT_ID: pi.id } });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: pi.id,
      object: 'payment_intent',
      status: 'succeeded',
      amount: 2000,
      amount_capturable: 0,
      amount_received: 2000,
      capture_method: 'manual',
      latest_charge: chargeId,
    });
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ captured: true, amount_captured: 2000, amount_refunded: 0 });
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
  });

  it('the guide’s capture for less: a €10.99 hold, amount_to_capture=750 → €7.50 received, the rest released', async () => {
    const { stripe, secretKey: key, pi, chargeId } = await heldPayment(1099);
    const { status, body } = await docsCurl(CAPTURE_FOR_LESS, { key, ids: { PAYMENT_INTENT_ID: pi.id } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: pi.id, status: 'succeeded', amount: 1099, amount_capturable: 0, amount_received: 750 });
    // As Stripe since 2025-03-31.basil: the released €3.49 is not a refund.
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({
      captured: true,
      amount: 1099,
      amount_captured: 750,
      amount_refunded: 0,
    });

    // Pasted twice: the hold is already captured.
    const again = await docsCurl(CAPTURE_FOR_LESS, { key, ids: { PAYMENT_INTENT_ID: pi.id } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state' } });
  });

  it('the reference’s cancel curl on a hold → canceled, the hold released with no Refund, as Stripe since 2025-03-31.basil', async () => {
    const { stripe, secretKey: key, session, pi, chargeId } = await heldPayment(2000);
    const { status, body } = await docsCurl(CANCEL, { key, ids: { PAYMENT_INTENT_ID: pi.id } });
    expect(status).toBe(200);
    const canceled = body as Stripe.PaymentIntent;
    expect(canceled).toMatchObject({
      id: pi.id,
      object: 'payment_intent',
      status: 'canceled',
      amount_capturable: 0,
      amount_received: 0,
      cancellation_reason: null,
    });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    // Stripe's changelog "Partially capturing or canceling payments no longer creates a Refund": the charge
    // is neither refunded nor captured, and no Refund lists.
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({
      captured: false,
      amount_captured: 0,
      refunded: false,
      amount_refunded: 0,
    });
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toEqual([]);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('unpaid');
  });

  it('the reference’s cancel curl on a payment already captured → 400 payment_intent_unexpected_state, as Stripe answers', async () => {
    const { stripe, secretKey: key } = await newMerchant();
    const session = (await paidSession(stripe)).session;
    const { status, body } = await docsCurl(CANCEL, {
      key,
      ids: { PAYMENT_INTENT_ID: defined(session.payment_intent as string | null, 'session.payment_intent') },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state' } });
    expect((body as { error: { message: string } }).error.message).toMatch(
      /^You cannot cancel this PaymentIntent because it has a status of succeeded\./,
    );
    expect((await stripe.paymentIntents.retrieve(defined(session.payment_intent as string | null, 'session.payment_intent'))).status).toBe(
      'succeeded',
    );
  });
});
