import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { brief, taxMerchant } from './automatic-tax-helpers';
import { postPayForm } from './pay-without-javascript';

// automatic_tax[enabled]=true through the official SDK: the merchant's head office and registrations
// (/v1/tax/settings, /v1/tax/registrations), the customer's address and tax ID decide every rate.

async function taxedSession(stripe: Stripe, p: { amount: number; currency: string; customer?: Stripe.CustomerCreateParams }) {
  const product = await stripe.products.create({ name: 'Lamp', tax_code: 'txcd_99999999' });
  const price = await stripe.prices.create({ product: product.id, unit_amount: p.amount, currency: p.currency });
  const customer = p.customer ? await stripe.customers.create(p.customer) : null;
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
    automatic_tax: { enabled: true },
    ...(customer && { customer: customer.id }),
  });
  const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ['total_details.breakdown', 'line_items'] });
  return { session: expanded, taxes: expanded.total_details?.breakdown?.taxes ?? [] };
}

describe('automatic tax on Checkout Sessions', () => {
  it('a German consumer pays 19 % German VAT on top, with Stripe-shaped rate, breakdown and line taxes', async () => {
    const stripe = await taxMerchant({ country: 'DE', postal_code: '10115', city: 'Berlin', line1: 'Unter den Linden 1' }, [
      { country: 'DE', country_options: { de: { type: 'standard' } } },
    ]);
    const { session, taxes } = await taxedSession(stripe, {
      amount: 10000,
      currency: 'eur',
      customer: { address: { country: 'DE', postal_code: '80331' } },
    });
    expect(session.automatic_tax).toEqual({ enabled: true, liability: { type: 'self' }, provider: 'stripe', status: 'complete' });
    expect([session.amount_subtotal, session.total_details?.amount_tax, session.amount_total]).toEqual([10000, 1900, 11900]);
    expect(taxes).toHaveLength(1);
    expect(taxes[0]).toMatchObject({ amount: 1900, taxable_amount: 10000, taxability_reason: 'standard_rated' });
    expect(taxes[0]?.rate).toMatchObject({
      object: 'tax_rate',
      country: 'DE',
      display_name: 'VAT',
      effective_percentage: 19,
      inclusive: false,
      jurisdiction: 'DE',
      jurisdiction_level: 'country',
      percentage: 19,
      tax_type: 'vat',
    });
    expect(session.line_items?.data[0]?.taxes).toEqual([
      { amount: 1900, rate: taxes[0]?.rate, taxability_reason: 'standard_rated', taxable_amount: 10000 },
    ]);
    // Automatic tax's rates are shown on sessions, not listed among the merchant's own.
    expect((await stripe.taxRates.list()).data).toEqual([]);
  });

  it('a French business with a valid VAT ID is reverse-charged: 0 % effective of France’s 20 %, reverse_charge', async () => {
    const stripe = await taxMerchant({ country: 'DE' }, [{ country: 'DE', country_options: { de: { type: 'oss_union' } } }]);
    const { session, taxes } = await taxedSession(stripe, {
      amount: 10000,
      currency: 'eur',
      customer: { address: { country: 'FR', postal_code: '75001' }, tax_id_data: [{ type: 'eu_vat', value: 'FR40303265045' }] },
    });
    expect([session.total_details?.amount_tax, session.amount_total]).toEqual([0, 10000]);
    expect(taxes.map(brief)).toEqual([
      { amount: 0, jurisdiction: 'FR', percentage: 20, tax_type: 'vat', taxability_reason: 'reverse_charge' },
    ]);
    expect(taxes[0]?.rate.effective_percentage).toBe(0);
  });

  it('a customer in Quebec pays GST and QST, each rounded on its own', async () => {
    const stripe = await taxMerchant({ country: 'CA', state: 'ON' }, [
      { country: 'CA', country_options: { ca: { type: 'standard' } } },
      { country: 'CA', country_options: { ca: { type: 'province_standard', province_standard: { province: 'QC' } } } },
    ]);
    const { session, taxes } = await taxedSession(stripe, {
      amount: 1999,
      currency: 'cad',
      customer: { address: { country: 'CA', state: 'QC', postal_code: 'H2X 1Y4' } },
    });
    expect(taxes.map(brief)).toEqual([
      { amount: 100, jurisdiction: 'CA', percentage: 5, tax_type: 'gst', taxability_reason: 'standard_rated' },
      { amount: 199, jurisdiction: 'QC', percentage: 9.975, tax_type: 'qst', taxability_reason: 'standard_rated' },
    ]);
    expect(session.amount_total).toBe(2298);
  });

  it('a Californian pays the state rate (local rates are not included)', async () => {
    const stripe = await taxMerchant({ country: 'US', state: 'CA' }, [
      { country: 'US', country_options: { us: { type: 'state_sales_tax', state: 'CA' } } },
    ]);
    const { session, taxes } = await taxedSession(stripe, {
      amount: 10000,
      currency: 'usd',
      customer: { address: { country: 'US', state: 'California', postal_code: '94103' } },
    });
    expect(taxes.map(brief)).toEqual([
      { amount: 725, jurisdiction: 'CA', percentage: 7.25, tax_type: 'sales_tax', taxability_reason: 'standard_rated' },
    ]);
    expect(taxes[0]?.rate.jurisdiction_level).toBe('state');
    expect(session.amount_total).toBe(10725);
  });

  it('without an address the session waits for one; the page prices the address typed, shows it, then charges that total', async () => {
    const stripe = await taxMerchant({ country: 'DE' }, [{ country: 'DE', country_options: { de: { type: 'oss_union' } } }]);
    const { session } = await taxedSession(stripe, { amount: 10000, currency: 'eur' });
    expect(session.automatic_tax.status).toBe('requires_location_inputs');
    expect([session.total_details?.amount_tax, session.amount_total]).toEqual([0, 10000]);

    const url = defined(session.url, 'session.url');
    const headers = { 'x-forwarded-for': randomClientAddress() };
    // Automatic tax without shipping asks the whole billing address (a US or Canadian customer's tax needs the state).
    const french = {
      'billing.name': 'Jeanne Martin',
      'billing.line1': '1 Rue de Rivoli',
      'billing.city': 'Paris',
      'billing.postal_code': '75001',
      'billing.country': 'FR',
    };
    const first = await postPayForm(url, { extra: french, headers });
    expect(first.status).toBe(200);
    expect(first.html).toContain('Tax was updated for the address you entered. Check the new total, then pay.');
    const repriced = await stripe.checkout.sessions.retrieve(session.id);
    expect([repriced.status, repriced.automatic_tax.status, repriced.total_details?.amount_tax, repriced.amount_total]).toEqual([
      'open',
      'complete',
      2000,
      12000,
    ]);

    const paid = await postPayForm(url, { extra: french, headers });
    expect(paid.status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(done.status).toBe('complete');
    expect((done.payment_intent as Stripe.PaymentIntent).amount).toBe(12000);
  });

  it('refuses what automatic tax cannot price, with Stripe-shaped errors', async () => {
    const { stripe } = await newMerchant();
    const product = await stripe.products.create({ name: 'Lamp' });
    const unspecified = await stripe.prices.create({ product: product.id, unit_amount: 1000, currency: 'eur' });
    const create = (more: Partial<Stripe.Checkout.SessionCreateParams>) =>
      stripe.checkout.sessions
        .create({
          mode: 'payment',
          line_items: [{ price: unspecified.id, quantity: 1 }],
          success_url: SUCCESS_URL,
          automatic_tax: { enabled: true },
          ...more,
        })
        .then(
          () => null,
          (err: unknown) => {
            const e = err as Stripe.errors.StripeError;
            return { type: e.type, param: e.param };
          },
        );
    expect(await create({})).toEqual({ type: 'StripeInvalidRequestError', param: 'automatic_tax[enabled]' });
    await stripe.tax.settings.update({ head_office: { address: { country: 'DE' } } });
    expect(await create({})).toEqual({ type: 'StripeInvalidRequestError', param: 'line_items[0][price]' });
    await stripe.tax.settings.update({ defaults: { tax_behavior: 'inclusive' } });
    const taxRate = await stripe.taxRates.create({ display_name: 'VAT', percentage: 19, inclusive: true });
    expect(await create({ line_items: [{ price: unspecified.id, quantity: 1, tax_rates: [taxRate.id] }] })).toEqual({
      type: 'StripeInvalidRequestError',
      param: 'line_items[0][tax_rates]',
    });
    const customer = await stripe.customers.create({ email: 'no-address@example.com' });
    expect(await create({ customer: customer.id })).toEqual({ type: 'StripeInvalidRequestError', param: 'customer_update' });
    expect(await create({ customer: customer.id, customer_update: { address: 'auto' } })).toBeNull();
    // Nothing to tax in setup mode; a connected account's liability needs Connect.
    expect(await create({ mode: 'setup', line_items: undefined, currency: 'eur' })).toEqual({
      type: 'StripeInvalidRequestError',
      param: 'automatic_tax[enabled]',
    });
    expect(await create({ automatic_tax: { enabled: true, liability: { type: 'account', account: 'acct_other' } } })).toEqual({
      type: 'StripeInvalidRequestError',
      param: 'automatic_tax[liability][type]',
    });
    expect(
      await create({
        automatic_tax: { enabled: true, liability: { type: 'self' } },
        customer: customer.id,
        customer_update: { address: 'auto' },
      }),
    ).toBeNull();
  });

  it('the rates automatic tax made are not the merchant’s to name, and a line’s rates are checked on update too', async () => {
    const stripe = await taxMerchant({ country: 'DE', postal_code: '10115', city: 'Berlin', line1: 'Unter den Linden 1' }, [
      { country: 'DE', country_options: { de: { type: 'standard' } } },
    ]);
    const { session, taxes } = await taxedSession(stripe, { amount: 10000, currency: 'eur', customer: { address: { country: 'DE' } } });
    const automaticRate = defined(taxes[0], 'the automatic rate').rate.id;
    const refusal = (err: unknown) => {
      const e = err as Stripe.errors.StripeError;
      return { type: e.type, code: e.code, param: e.param };
    };
    const product = await stripe.products.create({ name: 'Mug' });
    const price = await stripe.prices.create({ product: product.id, unit_amount: 1000, currency: 'eur', tax_behavior: 'exclusive' });
    const plain = { mode: 'payment' as const, success_url: SUCCESS_URL };
    await expect(
      stripe.checkout.sessions
        .create({ ...plain, line_items: [{ price: price.id, quantity: 1, tax_rates: [automaticRate] }] })
        .catch(refusal),
    ).resolves.toEqual({ type: 'StripeInvalidRequestError', code: 'resource_missing', param: 'line_items[0][tax_rates][0]' });

    const manual = await stripe.checkout.sessions.create({ ...plain, line_items: [{ price: price.id, quantity: 1 }] });
    const manualLine = defined((await stripe.checkout.sessions.listLineItems(manual.id)).data[0], 'line').id;
    await expect(
      stripe.checkout.sessions.update(manual.id, { line_items: [{ id: manualLine, tax_rates: ['txr_unknown'] }] }).catch(refusal),
    ).resolves.toEqual({ type: 'StripeInvalidRequestError', code: 'resource_missing', param: 'line_items[0][tax_rates][0]' });
    const vat = await stripe.taxRates.create({ display_name: 'VAT', percentage: 19, inclusive: false });
    const taxed = await stripe.checkout.sessions.update(manual.id, { line_items: [{ id: manualLine, tax_rates: [vat.id] }] });
    expect(taxed.amount_total).toBe(1190);

    const automaticLine = defined(session.line_items?.data[0], 'line').id;
    await expect(
      stripe.checkout.sessions.update(session.id, { line_items: [{ id: automaticLine, tax_rates: [vat.id] }] }).catch(refusal),
    ).resolves.toEqual({ type: 'StripeInvalidRequestError', code: undefined, param: 'line_items[0][tax_rates]' });
    expect((await stripe.checkout.sessions.retrieve(session.id)).amount_total).toBe(11900);
  });
});
