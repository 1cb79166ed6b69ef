import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { monthlyPrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { IBAN_SUCCEEDS, paidSession } from '../support/paid-session';
import { postPayForm } from './pay-without-javascript';
import { sdkFields, shapeGaps } from './sdk-fields';

const noGaps = { missing: [], unknown: [] };
// A payment saves its card to the customer only when asked to, as Stripe's Checkout does.
const SAVED = { customer_creation: 'always', payment_intent_data: { setup_future_usage: 'off_session' } } as const;
const YEAR = 2000 + ((new Date().getUTCFullYear() + 5) % 100);

describe('payment methods', () => {
  it("a card saved by a customer_creation=always session with setup_future_usage → Stripe's PaymentMethod fields, listed for its customer", async () => {
    const { stripe } = await newMerchant();
    const { session, paymentIntentId } = await paidSession(stripe, { params: SAVED });
    const customer = defined(session.customer as string | null, 'customer');
    const pi = await stripe.paymentIntents.retrieve(paymentIntentId);
    const id = defined(pi.payment_method as string | null, 'payment_method');

    const pm = await stripe.paymentMethods.retrieve(id);
    expect(shapeGaps(pm, sdkFields('PaymentMethods', ['PaymentMethod']))).toEqual(noGaps);
    expect(pm).toMatchObject({
      object: 'payment_method',
      type: 'card',
      customer,
      livemode: false,
      billing_details: { email: 'jenny@example.com', name: 'Jenny Rosen', address: { country: 'FR', postal_code: '75001' } },
    });
    const card = defined(pm.card, 'pm.card');
    expect(shapeGaps(card, sdkFields('PaymentMethods', ['PaymentMethod', 'Card']))).toEqual(noGaps);
    expect(card).toMatchObject({
      brand: 'visa',
      display_brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: YEAR,
      funding: 'credit',
      checks: { cvc_check: 'pass' },
      networks: { available: ['visa'], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
    });
    expect(card.fingerprint).toMatch(/\S/);
    // The charge's card and the payment method's are the same card.
    const charge = await stripe.charges.retrieve(defined(pi.latest_charge as string | null, 'latest_charge'));
    expect(charge.payment_method_details?.card?.fingerprint).toBe(card.fingerprint);

    const listed = await stripe.customers.listPaymentMethods(customer);
    expect(listed).toMatchObject({ object: 'list', has_more: false, url: `/v1/customers/${customer}/payment_methods` });
    expect(listed.data.map((p) => p.id)).toEqual([id]);
    expect((await stripe.customers.listPaymentMethods(customer, { type: 'card' })).data).toHaveLength(1);
    expect((await stripe.customers.listPaymentMethods(customer, { type: 'sepa_debit' })).data).toEqual([]);
    expect((await stripe.paymentMethods.list({ customer })).data.map((p) => p.id)).toEqual([id]);
    expect(await stripe.customers.retrievePaymentMethod(customer, id)).toEqual(JSON.parse(JSON.stringify(pm)));
    expect((await stripe.paymentIntents.retrieve(pi.id, { expand: ['payment_method'] })).payment_method).toEqual(
      JSON.parse(JSON.stringify(pm)),
    );
  });

  it('a subscription paid on the page → its customer lists the card; the account lists every payment method, newest first', async () => {
    const { stripe } = await newMerchant();
    const oneOff = await paidSession(stripe);
    const price = await monthlyPrice(stripe, 1500, 'eur');
    const created = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: SUCCESS_URL,
    });
    expect((await postPayForm(defined(created.url, 'session.url'), { card: '5555 5555 5555 4444' })).status).toBe(303);
    const session = await stripe.checkout.sessions.retrieve(created.id);
    const customer = defined(session.customer as string | null, 'customer');
    const [pm] = (await stripe.customers.listPaymentMethods(customer)).data;
    expect(pm).toMatchObject({ type: 'card', customer, card: { brand: 'mastercard', last4: '4444', display_brand: 'mastercard' } });

    const all = await stripe.paymentMethods.list();
    expect(all.data.map((p) => p.id)).toEqual([pm.id, (await stripe.paymentIntents.retrieve(oneOff.paymentIntentId)).payment_method]);
    const page = await stripe.paymentMethods.list({ limit: 1 });
    expect([page.data[0].id, page.has_more]).toEqual([pm.id, true]);
  });

  it('a SEPA debit → the sepa_debit hash: bank code, country, last 4, fingerprint, never the IBAN', async () => {
    const { stripe } = await newMerchant();
    const { session, paymentIntentId } = await paidSession(stripe, { sepaIban: IBAN_SUCCEEDS, params: SAVED });
    const pi = await stripe.paymentIntents.retrieve(paymentIntentId);
    const pm = await stripe.paymentMethods.retrieve(defined(pi.payment_method as string | null, 'payment_method'));
    expect(pm.type).toBe('sepa_debit');
    expect(pm.card).toBeUndefined();
    const sepa = defined(pm.sepa_debit, 'sepa_debit');
    expect(shapeGaps(sepa, sdkFields('PaymentMethods', ['PaymentMethod', 'SepaDebit']))).toEqual(noGaps);
    expect(sepa).toMatchObject({ bank_code: '37040044', branch_code: null, country: 'DE', last4: '3000', generated_from: null });
    expect(JSON.stringify(pm)).not.toContain('370400440532013000');
    const customer = defined(session.customer as string | null, 'customer');
    expect((await stripe.customers.listPaymentMethods(customer, { type: 'sepa_debit' })).data.map((p) => p.id)).toEqual([pm.id]);
  });

  it("another merchant's payment method or customer → 404", async () => {
    const owner = await newMerchant();
    const { session, paymentIntentId } = await paidSession(owner.stripe, { params: SAVED });
    const customer = defined(session.customer as string | null, 'customer');
    const id = defined((await owner.stripe.paymentIntents.retrieve(paymentIntentId)).payment_method as string | null, 'pm');
    const { stripe } = await newMerchant();
    const missing = await stripeError(stripe.paymentMethods.retrieve(id));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', message: `No such PaymentMethod: '${id}'` });
    const noCustomer = await stripeError(stripe.customers.listPaymentMethods(customer));
    expect(noCustomer).toMatchObject({ statusCode: 404, code: 'resource_missing', message: `No such customer: '${customer}'` });
    expect((await stripe.paymentMethods.list({ customer })).data).toEqual([]);

    // The owner's other customer does not own this payment method either.
    const stranger: Stripe.Customer = await owner.stripe.customers.create({ email: 'someone@example.com' });
    expect(await stripeError(owner.stripe.customers.retrievePaymentMethod(stranger.id, id))).toMatchObject({ statusCode: 404 });
  });
});
