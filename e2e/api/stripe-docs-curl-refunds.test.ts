import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { docsCurl } from './docs-curl';
import { paidSession } from '../support/paid-session';

// The refund commands of Stripe's API reference (docs.stripe.com/api/refunds/*, as printed for
// 2025-04-30.basil) and of its refunds guide (docs.stripe.com/refunds), pasted as they are: only the
// host, the key and the ids change (docsCurl).

const CREATE_BY_CHARGE = String.raw`
curl https://api.stripe.com/v1/refunds \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d charge={{CHARGE_ID}}
`;

// The refunds guide: part of a payment, by its PaymentIntent.
const CREATE_PARTIAL_BY_INTENT = String.raw`
curl https://api.stripe.com/v1/refunds \
  -u "<<YOUR_SECRET_KEY>>:" \
  -d payment_intent={{PAYMENT_INTENT_ID}} \
  -d amount=1000
`;

const RETRIEVE = String.raw`
curl https://api.stripe.com/v1/refunds/{{REFUND_ID}} \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

const UPDATE = String.raw`
curl https://api.stripe.com/v1/refunds/{{REFUND_ID}} \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d "metadata[order_id]"=6735
`;

const LIST = String.raw`
curl -G https://api.stripe.com/v1/refunds \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d limit=3
`;

const CANCEL = String.raw`
curl -X POST https://api.stripe.com/v1/refunds/{{REFUND_ID}}/cancel \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

/** A merchant and the charge behind a session its customer paid (€25.00 by card). */
async function paidCharge() {
  const merchant = await newMerchant();
  const session = (await paidSession(merchant.stripe)).session;
  const pi = await merchant.stripe.paymentIntents.retrieve(defined(session.payment_intent as string | null, 'session.payment_intent'));
  return { ...merchant, pi, chargeId: defined(pi.latest_charge as string | null, 'latest_charge') };
}

describe("refund curl commands from Stripe's docs", () => {
  it('a merchant refunds €10.00 by payment_intent, the rest by charge, then reads, tags and lists the refunds → the charge is refunded in full', async () => {
    const { stripe, secretKey: key, pi, chargeId } = await paidCharge();

    const partial = await docsCurl(CREATE_PARTIAL_BY_INTENT, { key, ids: { PAYMENT_INTENT_ID: pi.id } });
    expect(partial.status).toBe(200);
    const first = partial.body as Stripe.Refund;
    expect(first).toMatchObject({
      object: 'refund',
      amount: 1000,
      currency: 'eur',
      status: 'succeeded',
      charge: chargeId,
      payment_intent: pi.id,
    });
    expect(first.id).toMatch(/^re_/);

    const rest = await docsCurl(CREATE_BY_CHARGE, { key, ids: { CHARGE_ID: chargeId } });
    expect(rest.status).toBe(200);
    const second = rest.body as Stripe.Refund;
    // No amount: what is left of the charge.
    expect(second).toMatchObject({
      object: 'refund',
      amount: 1500,
      status: 'succeeded',
      charge: chargeId,
      payment_intent: pi.id,
      metadata: {},
    });

    const read = await docsCurl(RETRIEVE, { key, ids: { REFUND_ID: second.id } });
    expect(read).toEqual({ status: 200, body: second });

    const tagged = await docsCurl(UPDATE, { key, ids: { REFUND_ID: second.id } });
    expect(tagged.status).toBe(200);
    expect(tagged.body).toEqual({ ...second, metadata: { order_id: '6735' } });

    const listed = await docsCurl(LIST, { key });
    expect(listed.status).toBe(200);
    const list = listed.body as Stripe.ApiList<Stripe.Refund>;
    expect(list).toMatchObject({ object: 'list', url: '/v1/refunds', has_more: false });
    expect(list.data.map((r) => [r.id, r.amount, r.metadata])).toEqual([
      [second.id, 1500, { order_id: '6735' }],
      [first.id, 1000, {}],
    ]);

    // The SDK sees what curl did.
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 2500, refunded: true });
    expect((await stripe.refunds.retrieve(second.id)).metadata).toEqual({ order_id: '6735' });
  });

  it('the reference\'s cancel curl on a card refund → 400 "Canceling this refund is unsupported.", as Stripe answers: only refunds waiting on the customer cancel', async () => {
    const { stripe, secretKey: key, chargeId } = await paidCharge();
    // The reference's own prerequisites refund a card charge, whose refunds never wait on the customer
    // (requires_action): Caisse takes cards and SEPA debits only, so none of its refunds ever do.
    const refund = await stripe.refunds.create({ charge: chargeId });
    const { status, body } = await docsCurl(CANCEL, { key, ids: { REFUND_ID: refund.id } });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { type: 'invalid_request_error', message: 'Canceling this refund is unsupported.' } });
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ status: 'succeeded', amount: 2500 });
  });
});
