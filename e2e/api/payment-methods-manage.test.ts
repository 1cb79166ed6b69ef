import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';

const YEAR = new Date().getUTCFullYear();

describe('managing saved payment methods', () => {
  it("attach (a pm_card_* test method makes a new card), list, default it, update it, detach it: Stripe's rules at each step", async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'jenny@example.com' });
    const pm = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    expect(pm).toMatchObject({
      object: 'payment_method',
      customer: customer.id,
      allow_redisplay: 'unspecified',
      card: { brand: 'visa', last4: '4242' },
    });
    expect(pm.id).toMatch(/^pm_/);
    // Attaching it again to its own customer changes nothing; to another one is refused.
    expect((await stripe.paymentMethods.attach(pm.id, { customer: customer.id })).id).toBe(pm.id);
    const other = await stripe.customers.create({ email: 'other@example.com' });
    expect(await stripeError(stripe.paymentMethods.attach(pm.id, { customer: other.id }))).toMatchObject({
      statusCode: 400,
      message: 'The payment method you provided has already been attached to a customer.',
    });
    expect((await stripe.customers.listPaymentMethods(customer.id)).data.map((p) => p.id)).toEqual([pm.id]);
    expect((await stripe.customers.listPaymentMethods(other.id)).data).toEqual([]);

    // The customer's default for invoices: its own card only.
    const withDefault = await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    expect(withDefault.invoice_settings.default_payment_method).toBe(pm.id);
    expect(await stripeError(stripe.customers.update(other.id, { invoice_settings: { default_payment_method: pm.id } }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'invoice_settings[default_payment_method]',
    });
    const expanded = await stripe.customers.retrieve(customer.id, { expand: ['invoice_settings.default_payment_method'] });
    expect(expanded).toMatchObject({ invoice_settings: { default_payment_method: { id: pm.id, object: 'payment_method' } } });

    // What the customer may correct, and their consent to see it again.
    const updated = await stripe.paymentMethods.update(pm.id, {
      billing_details: { name: 'Jenny Rosen', address: { country: 'FR', postal_code: '75001' } },
      card: { exp_month: 3, exp_year: YEAR + 4 },
      allow_redisplay: 'always',
      metadata: { note: 'vip' },
    });
    expect(updated).toMatchObject({
      allow_redisplay: 'always',
      billing_details: { name: 'Jenny Rosen', address: { country: 'FR', postal_code: '75001', city: null } },
      card: { exp_month: 3, exp_year: YEAR + 4, last4: '4242' },
      metadata: { note: 'vip' },
    });
    expect(await stripeError(stripe.paymentMethods.update(pm.id, { card: { exp_year: YEAR - 1 } }))).toMatchObject({
      statusCode: 400,
      param: 'card[exp_year]',
    });
    expect((await stripe.paymentMethods.list({ customer: customer.id, allow_redisplay: 'always' })).data.map((p) => p.id)).toEqual([pm.id]);
    expect((await stripe.paymentMethods.list({ customer: customer.id, allow_redisplay: 'limited' })).data).toEqual([]);

    // Detached, it is spent for good, and no longer the default.
    const detached = await stripe.paymentMethods.detach(pm.id);
    expect(detached.customer).toBeNull();
    expect((await stripe.customers.retrieve(customer.id)) as { invoice_settings: { default_payment_method: unknown } }).toMatchObject({
      invoice_settings: { default_payment_method: null },
    });
    expect(await stripeError(stripe.paymentMethods.detach(pm.id))).toMatchObject({ statusCode: 400 });
    expect((await stripeError(stripe.paymentMethods.attach(pm.id, { customer: customer.id }))).message).toContain('may not be used again');
    expect((await stripeError(stripe.paymentMethods.update(pm.id, { metadata: { a: 'b' } }))).message).toContain(
      'save this PaymentMethod to a customer',
    );

    const events = await stripe.events.list({ types: ['payment_method.attached', 'payment_method.updated', 'payment_method.detached'] });
    expect(events.data.map((e) => e.type).reverse()).toEqual([
      'payment_method.attached',
      'payment_method.updated',
      'payment_method.detached',
    ]);
    const updatedEvent = defined(
      events.data.find((e) => e.type === 'payment_method.updated'),
      'updated event',
    );
    expect(updatedEvent.data.previous_attributes).toMatchObject({ allow_redisplay: 'unspecified', metadata: {} });
  });

  it('a card its issuer refuses cannot be attached (402, nothing saved); one refused only for funds can, and is declined when charged', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({});
    expect(await stripeError(stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id }))).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect((await stripe.paymentMethods.list()).data).toEqual([]);
    const funds = await stripe.paymentMethods.attach('pm_card_chargeDeclinedInsufficientFunds', { customer: customer.id });
    expect(funds.card?.last4).toBe('9995');
  });

  it('a customer created with a payment method has it attached, and as its default when invoice_settings names it', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({
      email: 'jenny@example.com',
      payment_method: 'pm_card_mastercard',
      invoice_settings: { default_payment_method: 'pm_card_mastercard' },
    });
    const [pm] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    expect(pm.card?.brand).toBe('mastercard');
    expect(customer.invoice_settings.default_payment_method).toBe(pm.id);
    const cleared = await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: '' } });
    expect(cleared.invoice_settings.default_payment_method).toBeNull();
  });

  it("unknown ids and another merchant's objects: Stripe-shaped 400s and 404s, never a 500", async () => {
    const owner = await newMerchant();
    const ownerCustomer = await owner.stripe.customers.create({});
    const pm = await owner.stripe.paymentMethods.attach('pm_card_visa', { customer: ownerCustomer.id });
    const { stripe } = await newMerchant();
    const mine = await stripe.customers.create({});
    expect(await stripeError(stripe.paymentMethods.attach(pm.id, { customer: mine.id }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      message: `No such PaymentMethod: '${pm.id}'`,
    });
    expect(await stripeError(stripe.paymentMethods.attach('pm_card_visa', { customer: ownerCustomer.id }))).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'customer',
    });
    expect(await stripeError(stripe.paymentMethods.detach(pm.id))).toMatchObject({ statusCode: 404 });
    expect(await stripeError(stripe.paymentMethods.update(pm.id, { metadata: { a: 'b' } }))).toMatchObject({ statusCode: 404 });
    expect(await stripeError(stripe.paymentMethods.attach('pm_card_visa', {}))).toMatchObject({ statusCode: 400, param: 'customer' });
    // Still the owner's.
    expect((await owner.stripe.paymentMethods.retrieve(pm.id)).customer).toBe(ownerCustomer.id);
  });

  it("deleting a customer detaches its payment methods, as Stripe's does: none is shown or charged again", async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ payment_method: 'pm_card_visa' });
    const [pm] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    const pending = await stripe.paymentIntents.create({ amount: 800, currency: 'eur', customer: customer.id, payment_method: pm.id });
    await stripe.customers.del(customer.id);
    expect((await stripe.paymentMethods.retrieve(pm.id)).customer).toBeNull();
    expect((await stripe.events.list({ type: 'payment_method.detached' })).data.map((e) => (e.data.object as { id: string }).id)).toEqual([
      pm.id,
    ]);
    expect(await stripeError(stripe.paymentIntents.confirm(pending.id))).toMatchObject({ statusCode: 400, code: 'parameter_missing' });
  });
});
