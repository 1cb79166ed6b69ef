import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { payOnPage } from '../support/paid-session';
import { answerChallengeAt } from './pay-without-javascript';

/** A customer who paid once on a payment-mode page with `card`, the session asking to save it for off-session use. */
async function returningCustomer(stripe: Stripe, card = '4242 4242 4242 4242') {
  const customer = await stripe.customers.create({ email: 'jenny@example.com' });
  const price = await oneTimePrice(stripe, 2500, 'eur');
  const created = await stripe.checkout.sessions.create({
    mode: 'payment',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    payment_intent_data: { setup_future_usage: 'off_session' },
    success_url: SUCCESS_URL,
  });
  await payOnPage(stripe, created, { card });
  const [pm] = (await stripe.customers.listPaymentMethods(customer.id)).data;
  return { customer: customer.id, pm: defined(pm, 'saved payment method') };
}

const offSession = (customer: string, paymentMethod: string) =>
  ({ amount: 1200, currency: 'eur', customer, payment_method: paymentMethod, off_session: true, confirm: true }) as const;

describe('payment intents with saved cards', () => {
  it('a card saved by a setup_future_usage=off_session session is charged later off-session by the merchant', async () => {
    const { stripe } = await newMerchant();
    const { customer, pm } = await returningCustomer(stripe);
    // Saved for the merchant's own use, not shown again on the page without the customer's consent.
    expect(pm).toMatchObject({ customer, allow_redisplay: 'limited', card: { last4: '4242' } });

    const intent = await stripe.paymentIntents.create(offSession(customer, pm.id));
    expect(intent).toMatchObject({ status: 'succeeded', amount: 1200, amount_received: 1200, customer, payment_method: pm.id });
    const charge = await stripe.charges.retrieve(defined(intent.latest_charge as string | null, 'latest_charge'));
    expect(charge).toMatchObject({
      amount: 1200,
      paid: true,
      captured: true,
      payment_method: pm.id,
      payment_method_details: { card: { last4: '4242' } },
    });
    const events = await stripe.events.list({ types: ['payment_intent.created', 'payment_intent.succeeded'] });
    expect(
      events.data
        .filter((e) => (e.data.object as { id: string }).id === intent.id)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['payment_intent.created', 'payment_intent.succeeded']);
    expect((await stripe.paymentIntents.list({ customer })).data.map((p) => p.id)).toContain(intent.id);
  });

  it('a saved card that needs its holder: off-session it is declined with authentication_required, on-session it asks for 3-D Secure', async () => {
    const { stripe } = await newMerchant();
    // 4000 0027 6000 3184 asks for 3-D Secure on every payment (the page answered it).
    const { customer, pm } = await returningCustomer(stripe, '4000 0027 6000 3184');
    const err = await stripeError(stripe.paymentIntents.create(offSession(customer, pm.id)));
    expect(err).toMatchObject({ statusCode: 402, type: 'StripeCardError', code: 'authentication_required' });
    const failed = defined(err.payment_intent, 'error.payment_intent');
    // As Stripe's: the refused card leaves the intent, and is named in its last_payment_error.
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      payment_method: null,
      last_payment_error: { code: 'authentication_required', payment_method: { id: pm.id, customer } },
    });
    expect(failed.latest_charge).toBeNull();

    // The customer is back: the same intent, confirmed on-session, waits for their challenge.
    const waiting = await stripe.paymentIntents.confirm(failed.id, { payment_method: pm.id });
    expect(waiting).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
    const canceled = await stripe.paymentIntents.cancel(failed.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
  });

  it('3155 is exempt once set up: after its challenge at checkout, off-session charges go through', async () => {
    const { stripe } = await newMerchant();
    const { customer, pm } = await returningCustomer(stripe, '4000 0025 0000 3155');
    expect((await stripe.paymentIntents.create(offSession(customer, pm.id))).status).toBe('succeeded');
  });

  it("declines carry the card's reason: 0341 attaches but every charge fails; 9995 has insufficient funds", async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({});
    const fails = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    expect(fails.card?.last4).toBe('0341');
    const declined = await stripeError(stripe.paymentIntents.create(offSession(customer.id, fails.id)));
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect(declined.payment_intent).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { decline_code: 'generic_decline' },
    });

    const funds = await stripe.paymentMethods.attach('pm_card_chargeDeclinedInsufficientFunds', { customer: customer.id });
    const poor = await stripeError(stripe.paymentIntents.create(offSession(customer.id, funds.id)));
    expect(poor).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
    // Declined intents made no charge.
    expect((await stripe.charges.list()).data).toEqual([]);
  });

  it('create, then confirm: requires_payment_method → requires_confirmation → succeeded; a second confirm is refused', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ payment_method: 'pm_card_visa' });
    const [pm] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    const bare = await stripe.paymentIntents.create({ amount: 500, currency: 'usd', customer: customer.id });
    expect(bare).toMatchObject({ status: 'requires_payment_method', payment_method: null });
    expect(await stripeError(stripe.paymentIntents.confirm(bare.id))).toMatchObject({ statusCode: 400, code: 'parameter_missing' });
    const withMethod = await stripe.paymentIntents.create({
      amount: 500,
      currency: 'usd',
      customer: customer.id,
      payment_method: pm.id,
      metadata: { order: '42' },
    });
    expect(withMethod).toMatchObject({ status: 'requires_confirmation', payment_method: pm.id, metadata: { order: '42' } });
    const paid = await stripe.paymentIntents.confirm(withMethod.id);
    expect(paid).toMatchObject({ status: 'succeeded', amount_received: 500 });
    expect(await stripeError(stripe.paymentIntents.confirm(withMethod.id))).toMatchObject({
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
    });
    expect((await stripe.paymentIntents.cancel(bare.id)).status).toBe('canceled');
  });

  it('two confirms of one intent at once: exactly one charge', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ payment_method: 'pm_card_visa' });
    const [pm] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: 'eur', customer: customer.id, payment_method: pm.id });
    const results = await Promise.allSettled([1, 2, 3].map(() => stripe.paymentIntents.confirm(intent.id, { off_session: true })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ statusCode: 400 });
    expect((await stripe.charges.list({ payment_intent: intent.id })).data).toHaveLength(1);
  });

  it("a test method without a customer is spent by its payment; setup_future_usage with a customer saves it; another customer's card is refused", async () => {
    const { stripe } = await newMerchant();
    const once = await stripe.paymentIntents.create({ amount: 900, currency: 'eur', payment_method: 'pm_card_visa', confirm: true });
    expect(once.status).toBe('succeeded');
    const spentId = defined(once.payment_method as string | null, 'payment_method');
    const customer = await stripe.customers.create({});
    expect((await stripeError(stripe.paymentMethods.attach(spentId, { customer: customer.id }))).message).toContain(
      'may not be used again',
    );

    const saving = await stripe.paymentIntents.create({
      amount: 900,
      currency: 'eur',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      setup_future_usage: 'off_session',
      confirm: true,
    });
    expect(saving).toMatchObject({ status: 'succeeded', setup_future_usage: 'off_session' });
    const saved = (await stripe.customers.listPaymentMethods(customer.id)).data.map((p) => p.id);
    expect(saved).toEqual([saving.payment_method]);

    const stranger = await stripe.customers.create({});
    expect(await stripeError(stripe.paymentIntents.create(offSession(stranger.id, saved[0])))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'payment_method',
    });
    expect(
      await stripeError(stripe.paymentIntents.create({ amount: 100, currency: 'eur', payment_method: saved[0], confirm: true })),
    ).toMatchObject({
      statusCode: 400,
      param: 'payment_method',
    });
  });

  it('bad input: Stripe-shaped 400s, never a 500', async () => {
    const { stripe } = await newMerchant();
    expect(await stripeError(stripe.paymentIntents.create({ currency: 'eur' } as Stripe.PaymentIntentCreateParams))).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'amount',
    });
    expect(await stripeError(stripe.paymentIntents.create({ amount: 100, currency: 'eur', off_session: true }))).toMatchObject({
      statusCode: 400,
      param: 'off_session',
    });
    expect(await stripeError(stripe.paymentIntents.create({ amount: 100, currency: 'eur', customer: 'cus_nope' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'customer',
    });
    expect(await stripeError(stripe.paymentIntents.create({ amount: 100, currency: 'eur', payment_method: 'pm_nope' }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'payment_method',
    });
    expect(await stripeError(stripe.paymentIntents.confirm('pi_nope'))).toMatchObject({ statusCode: 404 });
  });

  it("confirmed on-session with a return_url: the customer answers the challenge on Caisse's page and comes back to the merchant", async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });
    const create = () =>
      stripe.paymentIntents.create({
        amount: 2000,
        currency: 'eur',
        customer: customer.id,
        payment_method: pm.id,
        confirm: true,
        return_url: 'https://shop.example/return?order=42',
      });
    const intent = await create();
    expect(intent).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'redirect_to_url', redirect_to_url: { return_url: 'https://shop.example/return?order=42' } },
    });
    const url = defined(intent.next_action?.redirect_to_url?.url, 'next_action.redirect_to_url.url');
    // Only the signed link opens it.
    expect((await fetch(url.replace(/[^/]+$/, 'forged'))).status).toBe(404);
    const passed = await answerChallengeAt(url, 'complete');
    expect(passed).toEqual({
      status: 303,
      location: `https://shop.example/return?order=42&payment_intent=${intent.id}&redirect_status=succeeded`,
    });
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({
      status: 'succeeded',
      amount_received: 2000,
      next_action: null,
    });
    expect((await stripe.charges.list({ payment_intent: intent.id })).data).toHaveLength(1);
    // The link is spent.
    expect((await fetch(url)).status).toBe(404);

    const failing = await create();
    const failed = await answerChallengeAt(defined(failing.next_action?.redirect_to_url?.url, 'url'), 'fail');
    expect(failed.location).toContain('redirect_status=failed');
    expect(await stripe.paymentIntents.retrieve(failing.id)).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'payment_intent_authentication_failure' },
    });
    expect((await stripe.charges.list({ payment_intent: failing.id })).data).toEqual([]);
  });

  it('a card detached while its challenge waits is not charged: the answer gives the attempt up, nothing stays in flight', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });
    const intent = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'eur',
      customer: customer.id,
      payment_method: pm.id,
      setup_future_usage: 'off_session',
      confirm: true,
      return_url: 'https://shop.example/return',
    });
    expect(intent.status).toBe('requires_action');
    await stripe.paymentMethods.detach(pm.id);
    const answered = await answerChallengeAt(defined(intent.next_action?.redirect_to_url?.url, 'url'), 'complete');
    expect(answered.location).toContain('redirect_status=failed');
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'processing_error' },
    });
    expect((await stripe.charges.list({ payment_intent: intent.id })).data).toEqual([]);
    expect((await stripe.paymentMethods.retrieve(pm.id)).customer).toBeNull();
  });

  it('one unattached card used by two intents at once: one charge, the other refused as spent', async () => {
    const { stripe } = await newMerchant();
    const first = await stripe.paymentIntents.create({ amount: 300, currency: 'eur', payment_method: 'pm_card_visa' });
    const pm = defined(first.payment_method as string | null, 'payment_method');
    const second = await stripe.paymentIntents.create({ amount: 300, currency: 'eur', payment_method: pm });
    const results = await Promise.allSettled([first, second].map((i) => stripe.paymentIntents.confirm(i.id)));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ statusCode: 400, param: 'payment_method' });
    expect((await stripe.charges.list()).data).toHaveLength(1);
  });

  it("a return_url outside the account's allowed redirect domains is refused; confirmation_method=manual is refused by name", async () => {
    const { stripe } = await newMerchant('Careful Shop', { allowedRedirectDomains: ['shop.example'] });
    const customer = await stripe.customers.create({ payment_method: 'pm_card_visa' });
    const [pm] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    const params = { amount: 500, currency: 'eur', customer: customer.id, payment_method: pm.id, confirm: true } as const;
    expect(await stripeError(stripe.paymentIntents.create({ ...params, return_url: 'https://elsewhere.example/back' }))).toMatchObject({
      statusCode: 400,
      param: 'return_url',
    });
    expect((await stripe.paymentIntents.create({ ...params, return_url: 'https://shop.example/back' })).status).toBe('succeeded');
    expect(await stripeError(stripe.paymentIntents.create({ ...params, confirmation_method: 'manual' }))).toMatchObject({
      statusCode: 400,
      param: 'confirmation_method',
    });
  });
});
