import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant, rawRequest, stripeError } from '../support/merchant';
import { postPayForm } from './pay-without-javascript';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };

/** A setup session submitted on its page with a card (4242… unless `card`), as a browser without JavaScript does. */
async function submittedSetup(stripe: Stripe, params: Partial<Stripe.Checkout.SessionCreateParams> = {}, card?: string) {
  const created = await stripe.checkout.sessions.create({ mode: 'setup', currency: 'eur', success_url: SUCCESS_URL, ...params });
  const posted = await postPayForm(defined(created.url, 'session.url'), card ? { card } : {});
  expect(posted.status).toBe(303);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  expect(session.status).toBe('complete');
  return { created, session, setupIntentId: defined(session.setup_intent as string | null, 'session.setup_intent') };
}

describe('setup intents (Checkout setup mode)', () => {
  it('a setup session with a customer → its SetupIntent succeeds with the card attached to that customer, in Stripe’s shape', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny Rosen' });
    const created = await stripe.checkout.sessions.create({
      mode: 'setup',
      currency: 'eur',
      customer: customer.id,
      success_url: SUCCESS_URL,
      setup_intent_data: { description: 'Card for renewals', metadata: { plan: 'gold' } },
    });
    // The session shows its SetupIntent from the start, waiting for a payment method.
    const setiId = defined(created.setup_intent as string | null, 'created.setup_intent');
    expect(setiId).toMatch(/^seti_[0-9A-Za-z]{24}$/);
    const waiting = await stripe.setupIntents.retrieve(setiId);
    expect(waiting).toMatchObject({
      id: setiId,
      object: 'setup_intent',
      status: 'requires_payment_method',
      customer: customer.id,
      payment_method: null,
      usage: 'off_session',
      description: 'Card for renewals',
      metadata: { plan: 'gold' },
      client_secret: null,
      latest_attempt: null,
      next_action: null,
      cancellation_reason: null,
      payment_method_types: ['card'],
      livemode: false,
    });

    expect((await postPayForm(defined(created.url, 'session.url'))).status).toBe(303);
    const session = await stripe.checkout.sessions.retrieve(created.id);
    expect(session).toMatchObject({ status: 'complete', setup_intent: setiId, customer: customer.id, payment_intent: null });

    const seti = await stripe.setupIntents.retrieve(setiId);
    expect(shapeGaps(seti, sdkFields('SetupIntents', ['SetupIntent']))).toEqual(noGaps);
    const pmId = defined(seti.payment_method as string | null, 'payment_method');
    expect(seti).toMatchObject({
      status: 'succeeded',
      customer: customer.id,
      description: 'Card for renewals',
      metadata: { plan: 'gold' },
      created: waiting.created,
    });
    const listed = await stripe.customers.listPaymentMethods(customer.id);
    expect(listed.data.map((p) => p.id)).toEqual([pmId]);
    expect(listed.data[0]).toMatchObject({ customer: customer.id, card: { last4: '4242', brand: 'visa' } });

    // Expansions: the session's setup_intent, and the intent's payment_method and customer.
    const expanded = await stripe.checkout.sessions.retrieve(created.id, {
      expand: ['setup_intent.payment_method', 'setup_intent.customer'],
    });
    const inner = expanded.setup_intent as Stripe.SetupIntent;
    expect(inner).toMatchObject({ id: setiId, payment_method: { id: pmId, object: 'payment_method' }, customer: { id: customer.id } });
    expect((await stripe.setupIntents.retrieve(setiId, { expand: ['payment_method'] })).payment_method).toMatchObject({ id: pmId });

    // Its events: created with the session, succeeded with it.
    const created_ = await stripe.events.list({ type: 'setup_intent.created' });
    expect(created_.data.map((e) => (e.data.object as Stripe.SetupIntent).id)).toEqual([setiId]);
    const [succeeded] = (await stripe.events.list({ type: 'setup_intent.succeeded' })).data;
    expect(succeeded.data.object).toMatchObject({ id: setiId, status: 'succeeded', payment_method: pmId, customer: customer.id });
  });

  it('a setup session without a customer → SetupIntent succeeded with customer null and the card unattached, which the merchant attaches later', async () => {
    const { stripe } = await newMerchant();
    const { session, setupIntentId } = await submittedSetup(stripe);
    expect(session.customer).toBeNull();
    const seti = await stripe.setupIntents.retrieve(setupIntentId);
    expect(seti).toMatchObject({ status: 'succeeded', customer: null, description: null, metadata: {} });
    const pmId = defined(seti.payment_method as string | null, 'payment_method');
    expect((await stripe.paymentMethods.retrieve(pmId)).customer).toBeNull();

    const customer = await stripe.customers.create({ email: 'later@example.com' });
    const attached = await stripe.paymentMethods.attach(pmId, { customer: customer.id });
    expect(attached).toMatchObject({ id: pmId, customer: customer.id });
    expect((await stripe.customers.listPaymentMethods(customer.id)).data.map((p) => p.id)).toEqual([pmId]);
  });

  it('a declined card → the SetupIntent waits for another method with last_setup_error, then succeeds with the next card', async () => {
    const { stripe } = await newMerchant();
    const created = await stripe.checkout.sessions.create({ mode: 'setup', currency: 'eur', success_url: SUCCESS_URL });
    const setiId = defined(created.setup_intent as string | null, 'setup_intent');
    const url = defined(created.url, 'session.url');
    expect((await postPayForm(url, { card: '4000 0000 0000 0002' })).status).toBe(200);
    const failed = await stripe.setupIntents.retrieve(setiId);
    expect(shapeGaps(failed, sdkFields('SetupIntents', ['SetupIntent']))).toEqual(noGaps);
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      payment_method: null,
      last_setup_error: { type: 'card_error', code: 'card_declined' },
    });
    expect((await stripe.events.list({ type: 'setup_intent.setup_failed' })).data).toHaveLength(1);

    expect((await postPayForm(url)).status).toBe(303);
    expect(await stripe.setupIntents.retrieve(setiId)).toMatchObject({ status: 'succeeded', last_setup_error: null });
  });

  it('customer_creation=always → the SetupIntent names the customer the session made', async () => {
    const { stripe } = await newMerchant();
    const { session, setupIntentId } = await submittedSetup(stripe, { customer_creation: 'always' });
    const customer = defined(session.customer as string | null, 'session.customer');
    const seti = await stripe.setupIntents.retrieve(setupIntentId);
    expect(seti).toMatchObject({ status: 'succeeded', customer });
    expect((await stripe.customers.listPaymentMethods(customer)).data.map((p) => p.id)).toEqual([seti.payment_method]);
  });

  it('lists newest first, filtered by customer, payment_method and created; pages with Stripe’s cursors', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'jenny@example.com' });
    const first = await submittedSetup(stripe, { customer: customer.id });
    const second = await submittedSetup(stripe, {}, '5555 5555 5555 4444');
    const open = await stripe.checkout.sessions.create({ mode: 'setup', currency: 'eur', success_url: SUCCESS_URL });
    const openSeti = defined(open.setup_intent as string | null, 'open.setup_intent');

    const all = await stripe.setupIntents.list();
    expect(all).toMatchObject({ object: 'list', has_more: false, url: '/v1/setup_intents' });
    expect(all.data.map((s) => s.id)).toEqual([openSeti, second.setupIntentId, first.setupIntentId]);
    for (const s of all.data) expect(shapeGaps(s, sdkFields('SetupIntents', ['SetupIntent']))).toEqual(noGaps);

    expect((await stripe.setupIntents.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([first.setupIntentId]);
    const secondPm = defined(all.data[1].payment_method as string | null, 'payment_method');
    expect((await stripe.setupIntents.list({ payment_method: secondPm })).data.map((s) => s.id)).toEqual([second.setupIntentId]);
    const created = all.data[2].created;
    expect((await stripe.setupIntents.list({ created: { gte: created } })).data).toHaveLength(3);
    expect((await stripe.setupIntents.list({ created: { lt: created } })).data).toEqual([]);

    const page = await stripe.setupIntents.list({ limit: 1 });
    expect(page.has_more).toBe(true);
    const next = await stripe.setupIntents.list({ limit: 2, starting_after: page.data[0].id });
    expect(next.data.map((s) => s.id)).toEqual([second.setupIntentId, first.setupIntentId]);
    const unknownCursor = await stripeError(stripe.setupIntents.list({ starting_after: 'seti_nope' }));
    expect(unknownCursor).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'starting_after' });
    const badFilter = await stripeError(stripe.setupIntents.list({ nope: 1 } as Stripe.SetupIntentListParams));
    expect(badFilter).toMatchObject({ statusCode: 400, code: 'parameter_unknown' });
    // The list's expand reaches each intent's fields.
    const expanded = await stripe.setupIntents.list({ customer: customer.id, expand: ['data.customer'] });
    expect(expanded.data[0].customer).toMatchObject({ id: customer.id, object: 'customer' });
  });

  it('another merchant’s SetupIntent, or an unknown one → 404 resource_missing', async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const open = await a.stripe.checkout.sessions.create({ mode: 'setup', currency: 'eur', success_url: SUCCESS_URL });
    const seti = defined(open.setup_intent as string | null, 'setup_intent');
    for (const id of [seti, 'seti_unknown']) {
      const err = await stripeError(b.stripe.setupIntents.retrieve(id));
      expect(err).toMatchObject({ statusCode: 404, type: 'StripeInvalidRequestError', code: 'resource_missing', param: 'id' });
      expect(err.message).toBe(`No such setupintent: '${id}'`);
    }
    expect((await b.stripe.setupIntents.list()).data).toEqual([]);
  });

  it('setup_intent_data is refused outside setup mode, and on_behalf_of everywhere; SetupIntents are not created directly', async () => {
    const { stripe, secretKey } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const inPayment = await stripeError(
      stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: SUCCESS_URL,
        setup_intent_data: { description: 'nope' },
      }),
    );
    expect(inPayment).toMatchObject({ statusCode: 400, param: 'setup_intent_data' });
    expect(inPayment.message).toMatch(/setup mode/);
    const connect = await stripeError(
      stripe.checkout.sessions.create({
        mode: 'setup',
        currency: 'eur',
        success_url: SUCCESS_URL,
        setup_intent_data: { on_behalf_of: 'acct_123' },
      }),
    );
    expect(connect).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'setup_intent_data[on_behalf_of]' });
    // A payment session has no SetupIntent.
    const payment = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    expect(payment.setup_intent).toBeNull();

    const direct = await stripeError(stripe.setupIntents.create({ usage: 'off_session' }));
    expect(direct).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(direct.message).toMatch(/Checkout Session with mode=setup/);
    // Nothing else is routed: Stripe's 404 for an unknown request URL, never a 500.
    const cancel = await rawRequest('/v1/setup_intents/seti_x/cancel', { method: 'POST', key: secretKey });
    expect(cancel.status).toBe(404);
    const update = await rawRequest('/v1/setup_intents/seti_x', { method: 'DELETE', key: secretKey });
    expect(update.status).toBe(404);
  });

  it('an expired setup session → its SetupIntent is canceled (abandoned), with setup_intent.canceled', async () => {
    const { stripe } = await newMerchant();
    const open = await stripe.checkout.sessions.create({ mode: 'setup', currency: 'eur', success_url: SUCCESS_URL });
    const setiId = defined(open.setup_intent as string | null, 'setup_intent');
    const expired = await stripe.checkout.sessions.expire(open.id);
    expect(expired).toMatchObject({ status: 'expired', setup_intent: setiId });
    const seti = await stripe.setupIntents.retrieve(setiId);
    expect(seti).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned', payment_method: null });
    expect(shapeGaps(seti, sdkFields('SetupIntents', ['SetupIntent']))).toEqual(noGaps);
    const [event] = (await stripe.events.list({ type: 'setup_intent.canceled' })).data;
    expect(event.data.object).toMatchObject({ id: setiId, status: 'canceled' });
  });

  it('recovering an expired setup session → a new session with a SetupIntent of its own', async () => {
    const { stripe } = await newMerchant();
    const open = await stripe.checkout.sessions.create({
      mode: 'setup',
      currency: 'eur',
      success_url: SUCCESS_URL,
      after_expiration: { recovery: { enabled: true } },
      setup_intent_data: { description: 'Card for renewals', metadata: { plan: 'gold' } },
    });
    const expired = await stripe.checkout.sessions.expire(open.id);
    const res = await fetch(defined(expired.after_expiration?.recovery?.url, 'recovery.url'), { redirect: 'manual' });
    expect(res.status).toBe(307);
    const newId = defined(/\/c\/(cs_[^/?]+)$/.exec(res.headers.get('location') ?? '')?.[1], 'recovered session id');
    const recovered = await stripe.checkout.sessions.retrieve(newId);
    expect(recovered).toMatchObject({ status: 'open', mode: 'setup', payment_status: 'no_payment_required', recovered_from: open.id });
    const setiId = defined(recovered.setup_intent as string | null, 'recovered.setup_intent');
    expect(setiId).not.toBe(open.setup_intent);
    expect(await stripe.setupIntents.retrieve(setiId)).toMatchObject({
      status: 'requires_payment_method',
      description: 'Card for renewals',
      metadata: { plan: 'gold' },
    });
    expect((await stripe.setupIntents.retrieve(defined(open.setup_intent as string | null, 'setup_intent'))).status).toBe('canceled');
  });
});
