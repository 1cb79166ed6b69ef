import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { docsCurl } from './docs-curl';
import { paidSession } from '../support/paid-session';

// The charge and payment method commands of Stripe's API reference (docs.stripe.com/api/charges/*,
// docs.stripe.com/api/payment_methods/*, as printed for 2025-04-30.basil), pasted as they are: only the
// host, the key and the ids change (docsCurl).

const RETRIEVE_CHARGE = String.raw`
curl https://api.stripe.com/v1/charges/{{CHARGE_ID}} \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

const LIST_CHARGES = String.raw`
curl -G https://api.stripe.com/v1/charges \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d limit=3
`;

const UPDATE_CHARGE = String.raw`
curl https://api.stripe.com/v1/charges/{{CHARGE_ID}} \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d "metadata[shipping]"=express
`;

const RETRIEVE_PAYMENT_METHOD = String.raw`
curl https://api.stripe.com/v1/payment_methods/{{PAYMENT_METHOD_ID}} \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil"
`;

const LIST_CUSTOMER_PAYMENT_METHODS = String.raw`
curl -G https://api.stripe.com/v1/customers/{{CUSTOMER_ID}}/payment_methods \
  -u "<<YOUR_SECRET_KEY>>" \
  -H "Stripe-Version: 2025-04-30.basil" \
  -d limit=3
`;

describe("charge curl commands from Stripe's API reference", () => {
  it('a merchant reads a paid session’s charge, lists its charges three at a time and tags one for express shipping', async () => {
    const { stripe, secretKey: key } = await newMerchant();
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push((await paidSession(stripe, { unitAmount: 1000 + i })).session);
    const pi = await stripe.paymentIntents.retrieve(defined(sessions[3].payment_intent as string | null, 'session.payment_intent'));
    const chargeId = defined(pi.latest_charge as string | null, 'latest_charge');

    const read = await docsCurl(RETRIEVE_CHARGE, { key, ids: { CHARGE_ID: chargeId } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: chargeId,
      object: 'charge',
      amount: 1003,
      amount_captured: 1003,
      amount_refunded: 0,
      captured: true,
      paid: true,
      status: 'succeeded',
      currency: 'eur',
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      metadata: {},
      outcome: { network_status: 'approved_by_network', type: 'authorized' },
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    });
    expect(read.body).toEqual(JSON.parse(JSON.stringify(await stripe.charges.retrieve(chargeId))));

    const listed = await docsCurl(LIST_CHARGES, { key });
    expect(listed.status).toBe(200);
    const list = listed.body as Stripe.ApiList<Stripe.Charge>;
    expect(list).toMatchObject({ object: 'list', url: '/v1/charges', has_more: true });
    // Newest first: the last three sessions paid.
    expect(list.data.map((c) => c.amount)).toEqual([1003, 1002, 1001]);

    const tagged = await docsCurl(UPDATE_CHARGE, { key, ids: { CHARGE_ID: chargeId } });
    expect(tagged.status).toBe(200);
    expect(tagged.body).toEqual({ ...(read.body as object), metadata: { shipping: 'express' } });
    expect((await stripe.charges.retrieve(chargeId)).metadata).toEqual({ shipping: 'express' });
  }, 90_000);
});

// The API reference's "Expanding Responses" (docs.stripe.com/api/expanding_objects) prints a literal charge id and
// `-u sk_test_...:`; its expand guide (docs.stripe.com/expand) a Checkout Session's.
const EXPAND_CHARGE = String.raw`
curl https://api.stripe.com/v1/charges/{{CHARGE_ID}} \
  -u "<<YOUR_SECRET_KEY>>:" \
  -d "expand[]"=customer \
  -d "expand[]"="payment_intent.customer" \
  -G
`;

const EXPAND_SESSION = String.raw`
curl -G https://api.stripe.com/v1/checkout/sessions/{{CHECKOUTSESSION_ID}} \
  -u "<<YOUR_SECRET_KEY>>:" \
  -d "expand[]=customer"
`;

describe("expand curl commands from Stripe's docs", () => {
  it('a paid session with a customer → the charge with its customer and its PaymentIntent’s customer inline; the session with its customer', async () => {
    const { stripe, secretKey: key } = await newMerchant();
    const session = (await paidSession(stripe, { params: { customer_creation: 'always' } })).session;
    const customer = defined(session.customer as string | null, 'customer');
    const pi = await stripe.paymentIntents.retrieve(defined(session.payment_intent as string | null, 'session.payment_intent'));
    const chargeId = defined(pi.latest_charge as string | null, 'latest_charge');

    const charge = await docsCurl(EXPAND_CHARGE, { key, ids: { CHARGE_ID: chargeId } });
    expect(charge.status).toBe(200);
    expect(charge.body).toMatchObject({
      id: chargeId,
      object: 'charge',
      customer: { id: customer, object: 'customer', email: 'jenny@example.com' },
      payment_intent: { id: pi.id, object: 'payment_intent', customer: { id: customer, object: 'customer' } },
    });

    const expanded = await docsCurl(EXPAND_SESSION, { key, ids: { CHECKOUTSESSION_ID: session.id } });
    expect(expanded.status).toBe(200);
    expect(expanded.body).toMatchObject({ id: session.id, object: 'checkout.session', customer: { id: customer, object: 'customer' } });
  });
});

describe("payment method curl commands from Stripe's API reference", () => {
  it('a customer who paid by card and had it saved → the merchant reads the card’s PaymentMethod and lists the customer’s', async () => {
    const { stripe, secretKey: key } = await newMerchant();
    const session = (
      await paidSession(stripe, { params: { customer_creation: 'always', payment_intent_data: { setup_future_usage: 'off_session' } } })
    ).session;
    const customer = defined(session.customer as string | null, 'customer');
    const pmId = defined(
      (await stripe.paymentIntents.retrieve(defined(session.payment_intent as string | null, 'session.payment_intent'))).payment_method as
        string | null,
      'payment_method',
    );

    const read = await docsCurl(RETRIEVE_PAYMENT_METHOD, { key, ids: { PAYMENT_METHOD_ID: pmId } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: pmId,
      object: 'payment_method',
      type: 'card',
      customer,
      card: { brand: 'visa', last4: '4242', funding: 'credit', checks: { cvc_check: 'pass' } },
      billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' },
    });

    const listed = await docsCurl(LIST_CUSTOMER_PAYMENT_METHODS, { key, ids: { CUSTOMER_ID: customer } });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ object: 'list', url: `/v1/customers/${customer}/payment_methods`, has_more: false, data: [read.body] });
  });
});
