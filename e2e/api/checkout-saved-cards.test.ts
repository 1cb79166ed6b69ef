import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { randomClientAddress } from '../support/client-address';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { completeChallenge, hiddenFields, postPageForm, postPayForm } from './pay-without-javascript';

const PAY_FORM = 'data-testid="pay-button"';

/** A customer with saved cards: one they agreed to see again, one saved for the merchant only, one never marked. */
async function customerWithCards(stripe: Stripe) {
  const customer = await stripe.customers.create({ email: 'jenny@example.com' });
  const attach = (pm: string) => stripe.paymentMethods.attach(pm, { customer: customer.id });
  const always = await stripe.paymentMethods.update((await attach('pm_card_visa')).id, { allow_redisplay: 'always' });
  const limited = await stripe.paymentMethods.update((await attach('pm_card_mastercard')).id, { allow_redisplay: 'limited' });
  const unspecified = await attach('pm_card_amex');
  return { customer: customer.id, always, limited, unspecified };
}

async function sessionFor(stripe: Stripe, customer: string, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const price = await oneTimePrice(stripe, 1800, 'eur');
  return stripe.checkout.sessions.create({
    mode: 'payment',
    customer,
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
    ...extra,
  });
}

const page = async (session: Stripe.Checkout.Session) => (await fetch(defined(session.url, 'session.url'))).text();

describe('saved cards on the checkout page', () => {
  it("allow_redisplay decides what the page offers: 'always' by default, what allow_redisplay_filters names otherwise, never another customer's", async () => {
    const { stripe } = await newMerchant();
    const { customer, always, limited, unspecified } = await customerWithCards(stripe);
    const other = await customerWithCards(stripe);

    const plain = await page(await sessionFor(stripe, customer));
    expect(plain).toContain(`data-testid="saved-card-${always.id}"`);
    expect(plain).toContain('Visa ending in 4242');
    expect(plain).not.toContain(`saved-card-${limited.id}`);
    expect(plain).not.toContain(`saved-card-${unspecified.id}`);
    expect(plain).not.toContain(`saved-card-${other.always.id}`);

    const wider = await page(
      await sessionFor(stripe, customer, {
        saved_payment_method_options: { allow_redisplay_filters: ['always', 'limited', 'unspecified'] },
      }),
    );
    for (const pm of [always, limited, unspecified]) expect(wider).toContain(`data-testid="saved-card-${pm.id}"`);

    // No customer, or a setup session: nothing saved is offered.
    const guest = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: (await oneTimePrice(stripe, 500, 'eur')).id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    expect(await page(guest)).not.toContain('data-testid="saved-cards"');
  });

  it('one click: the saved card pays without typing anything; no new payment method is made', async () => {
    const { stripe } = await newMerchant();
    const { customer, always } = await customerWithCards(stripe);
    const session = await sessionFor(stripe, customer);
    const paid = await postPageForm(defined(session.url, 'url'), PAY_FORM, { saved_card: always.id });
    expect(paid.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', customer });
    const intent = done.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'succeeded', payment_method: always.id, customer });
    const charge = await stripe.charges.retrieve(defined(intent.latest_charge as string | null, 'latest_charge'));
    expect(charge.payment_method_details?.card?.last4).toBe('4242');
    expect((await stripe.customers.listPaymentMethods(customer)).data).toHaveLength(3);
  });

  it("a card that isn't offered cannot be paid with, even posted by hand: the page says so, nothing is charged", async () => {
    const { stripe } = await newMerchant();
    const { customer, limited } = await customerWithCards(stripe);
    const other = await customerWithCards(stripe);
    const session = await sessionFor(stripe, customer);
    for (const id of [limited.id, other.always.id, 'pm_nope']) {
      const res = await postPageForm(defined(session.url, 'url'), PAY_FORM, { saved_card: id });
      expect(res.status).toBe(200);
      expect(res.html).toContain('This saved card can no longer be used.');
    }
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect((await stripe.paymentIntents.list({ customer })).data).toEqual([]);
  });

  it('a saved card whose issuer asks for 3-D Secure: the challenge, then the payment', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });
    await stripe.paymentMethods.update(pm.id, { allow_redisplay: 'always' });
    const session = await sessionFor(stripe, customer.id, { saved_payment_method_options: { payment_method_remove: 'enabled' } });
    const url = defined(session.url, 'url');
    const headers = { 'x-forwarded-for': randomClientAddress() };
    const removeForm = defined(/<form id="saved-card-remove"[\s\S]*?<\/form>/.exec(await page(session))?.[0], 'the remove form');
    const paid = await postPageForm(url, PAY_FORM, { saved_card: pm.id }, headers);
    expect(paid.location).toContain('/authenticate');
    // The card being paid with cannot be removed while its challenge waits.
    const removal = hiddenFields(removeForm);
    removal.append('payment_method', pm.id);
    await fetch(url, { method: 'POST', body: removal, redirect: 'manual', headers });
    expect((await stripe.paymentMethods.retrieve(pm.id)).customer).toBe(customer.id);
    expect(await completeChallenge(url, 'complete', headers)).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(done.status).toBe('complete');
    expect((done.payment_intent as Stripe.PaymentIntent).payment_method).toBe(pm.id);
  });

  it('"save for future purchases" (payment_method_save=enabled) keeps the new card as always shown; payment_method_remove lets it go', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'jenny@example.com' });
    const options = { saved_payment_method_options: { payment_method_save: 'enabled', payment_method_remove: 'enabled' } } as const;
    const first = await sessionFor(stripe, customer.id, options);
    expect(await page(first)).toContain('name="save_card"');
    // Without the box ticked, nothing is saved.
    const unsaved = await sessionFor(stripe, customer.id, options);
    expect((await postPayForm(defined(unsaved.url, 'url'))).status).toBe(303);
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toEqual([]);

    const res = await postPageForm(defined(first.url, 'url'), PAY_FORM, {
      'card.number': '5555 5555 5555 4444',
      'card.expiry': `12 / ${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`,
      'card.cvc': '123',
      'card.name': 'Jenny Rosen',
      'billing.country': 'FR',
      'billing.postal_code': '75001',
      save_card: 'true',
    });
    expect(res.status).toBe(303);
    const [saved] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    expect(saved).toMatchObject({ allow_redisplay: 'always', card: { last4: '4444' }, customer: customer.id });

    const next = await sessionFor(stripe, customer.id, options);
    const html = await page(next);
    expect(html).toContain(`data-testid="saved-card-${saved.id}"`);
    const removed = await postPageForm(defined(next.url, 'url'), 'id="saved-card-remove"', { payment_method: saved.id });
    expect(removed.status).toBe(200);
    expect((await stripe.paymentMethods.retrieve(saved.id)).customer).toBeNull();
    expect(await page(next)).not.toContain(`saved-card-${saved.id}`);
    const events = await stripe.events.list({ type: 'payment_method.detached' });
    expect(events.data.map((e) => (e.data.object as Stripe.PaymentMethod).id)).toEqual([saved.id]);
  });

  it('without payment_method_remove, the page offers no removal and a forged one changes nothing', async () => {
    const { stripe } = await newMerchant();
    const { customer, always } = await customerWithCards(stripe);
    const session = await sessionFor(stripe, customer);
    const html = await page(session);
    expect(html).toContain(`saved-card-${always.id}`);
    expect(html).not.toContain('id="saved-card-remove"');
    // A removal forged against a page that allows it, for another customer's card.
    const allowing = await sessionFor(stripe, customer, { saved_payment_method_options: { payment_method_remove: 'enabled' } });
    const stranger = await customerWithCards(stripe);
    const forged = await postPageForm(defined(allowing.url, 'url'), 'id="saved-card-remove"', { payment_method: stranger.always.id });
    expect(forged.status).toBe(200);
    expect((await stripe.paymentMethods.retrieve(stranger.always.id)).customer).toBe(stranger.customer);
  });
});
