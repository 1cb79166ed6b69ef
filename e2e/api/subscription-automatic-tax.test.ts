import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { pdfText } from '@/lib/billing/testing/pdf-text';
import { SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant } from '../support/merchant';
import { advanceClock } from '../support/test-clocks';
import { MONTH, renewal, START, subscribeOnPage } from './subscription-tax-helpers';

// automatic_tax[enabled]=true on subscription-mode sessions, through the official SDK: the checkout's invoice and
// every renewal after it are taxed from the customer as they are when each invoice is made (Stripe Billing's rule),
// on a test clock so that a month passes in the test.

/** A German merchant registered as `registration` says, with tax added on top of prices by default. */
async function germanMerchant(registration: 'standard' | 'oss_union') {
  const { stripe } = await newMerchant();
  await stripe.tax.settings.update({
    head_office: { address: { country: 'DE', postal_code: '10115', city: 'Berlin', line1: 'Unter den Linden 1' } },
    defaults: { tax_behavior: 'exclusive' },
  });
  const options = registration === 'standard' ? { de: { type: 'standard' as const } } : { de: { type: 'oss_union' as const } };
  await stripe.tax.registrations.create({ country: 'DE', country_options: options, active_from: 'now' });
  return stripe;
}

/** The customer (on a fresh clock) subscribes to a €10.00 monthly plan on the session's page, typing their address as billing address. */
const subscribe = (
  stripe: Stripe,
  p: { address: Stripe.AddressParam & { country: string }; taxIds?: Stripe.CustomerCreateParams.TaxIdDatum[] },
) => subscribeOnPage(stripe, { ...p, product: { name: 'Team plan', tax_code: 'txcd_10000000' }, unitAmount: 1000 });

const taxesOf = (invoice: Stripe.Invoice) =>
  (invoice.total_taxes ?? []).map((t) => ({ amount: t.amount, taxable_amount: t.taxable_amount, reason: t.taxability_reason }));

const refusal = (err: unknown) => {
  const e = err as Stripe.errors.StripeError;
  return { type: e.type, code: e.code, param: e.param };
};

describe('automatic tax on subscriptions', () => {
  it('a German consumer pays 19 % VAT at checkout and again on the renewal, which the preview foretold', async () => {
    const stripe = await germanMerchant('standard');
    const { clock, session, subscriptionId, firstInvoiceId } = await subscribe(stripe, {
      address: { country: 'DE', postal_code: '80331', city: 'München', line1: 'Marienplatz 1' },
    });
    expect([session.amount_subtotal, session.total_details?.amount_tax, session.amount_total]).toEqual([1000, 190, 1190]);
    const subscription = await stripe.subscriptions.retrieve(subscriptionId);
    expect(subscription.automatic_tax).toEqual({ enabled: true, disabled_reason: null, liability: { type: 'self' } });
    expect(subscription.items.data[0]?.tax_rates).toEqual([]);

    const first = await stripe.invoices.retrieve(firstInvoiceId);
    expect(first).toMatchObject({ status: 'paid', total: 1190, automatic_tax: { enabled: true, status: 'complete' } });
    expect(taxesOf(first)).toEqual([{ amount: 190, taxable_amount: 1000, reason: 'standard_rated' }]);

    const preview = await stripe.invoices.createPreview({ subscription: subscriptionId });
    expect([preview.subtotal, preview.total, preview.automatic_tax.status]).toEqual([1000, 1190, 'complete']);
    expect(taxesOf(preview)).toEqual([{ amount: 190, taxable_amount: 1000, reason: 'standard_rated' }]);

    await advanceClock(stripe, clock.id, START + MONTH);
    const renewed = await renewal(stripe, subscriptionId, firstInvoiceId);
    expect(renewed).toMatchObject({
      billing_reason: 'subscription_cycle',
      status: 'paid',
      subtotal: 1000,
      total: 1190,
      amount_paid: 1190,
      automatic_tax: { enabled: true, liability: { type: 'self' }, status: 'complete' },
      customer_tax_exempt: 'none',
    });
    expect(taxesOf(renewed)).toEqual([{ amount: 190, taxable_amount: 1000, reason: 'standard_rated' }]);
    expect(renewed.lines.data[0]?.taxes?.map((t) => [t.amount, t.taxability_reason])).toEqual([[190, 'standard_rated']]);
  });

  it('a French business with a VAT ID is reverse-charged on every invoice; the hosted invoice and its PDF say so', async () => {
    const stripe = await germanMerchant('oss_union');
    const { clock, session, subscriptionId, firstInvoiceId } = await subscribe(stripe, {
      address: { country: 'FR', postal_code: '75001', city: 'Paris', line1: '1 Rue de Rivoli' },
      taxIds: [{ type: 'eu_vat', value: 'FR40303265045' }],
    });
    expect([session.total_details?.amount_tax, session.amount_total]).toEqual([0, 1000]);

    await advanceClock(stripe, clock.id, START + MONTH);
    const renewed = await renewal(stripe, subscriptionId, firstInvoiceId);
    expect(renewed).toMatchObject({ status: 'paid', total: 1000, customer_tax_ids: [{ type: 'eu_vat', value: 'FR40303265045' }] });
    expect(taxesOf(renewed)).toEqual([{ amount: 0, taxable_amount: 1000, reason: 'reverse_charge' }]);

    const note = 'Reverse charge: VAT to be accounted for by the recipient. FR40303265045';
    const page = await (await fetch(defined(renewed.hosted_invoice_url, 'hosted_invoice_url'))).text();
    expect(page).toContain(note);
    const pdf = await fetch(defined(renewed.invoice_pdf, 'invoice_pdf'));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text).toContain(note);
  });

  it('without a location the renewal stays a draft (invoice.finalization_failed); it finalizes, taxed, once an address is back', async () => {
    const stripe = await germanMerchant('standard');
    const { clock, customer, subscriptionId, firstInvoiceId } = await subscribe(stripe, {
      address: { country: 'DE', postal_code: '80331', city: 'München', line1: 'Marienplatz 1' },
    });
    await stripe.customers.update(customer.id, { address: '' });

    await advanceClock(stripe, clock.id, START + MONTH);
    const draft = await renewal(stripe, subscriptionId, firstInvoiceId);
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      automatic_tax: { enabled: true, status: 'requires_location_inputs' },
      last_finalization_error: { code: 'customer_tax_location_invalid', type: 'invalid_request_error' },
    });
    const failed = (await stripe.events.list({ type: 'invoice.finalization_failed' })).data;
    expect(failed.map((e) => (e.data.object as Stripe.Invoice).id)).toEqual([draft.id]);

    const refused = await stripe.invoices.finalizeInvoice(draft.id).then(() => null, refusal);
    expect(refused).toEqual({ type: 'StripeInvalidRequestError', code: 'customer_tax_location_invalid', param: undefined });
    expect((await stripe.invoices.retrieve(draft.id)).status).toBe('draft');

    await stripe.customers.update(customer.id, { address: { country: 'DE', postal_code: '80331' } });
    const finalized = await stripe.invoices.finalizeInvoice(draft.id);
    expect(finalized).toMatchObject({
      status: 'open',
      subtotal: 1000,
      total: 1190,
      amount_due: 1190,
      automatic_tax: { status: 'complete' },
      last_finalization_error: null,
    });
    expect(taxesOf(finalized)).toEqual([{ amount: 190, taxable_amount: 1000, reason: 'standard_rated' }]);
    expect(finalized.lines.data[0]?.taxes?.map((t) => t.amount)).toEqual([190]);
  });

  it('a change whose period would cost more than a charge can hold once VAT is added is refused; one just under it passes', async () => {
    const stripe = await germanMerchant('standard');
    const { subscriptionId } = await subscribe(stripe, {
      address: { country: 'DE', postal_code: '80331', city: 'München', line1: 'Marienplatz 1' },
    });
    const item = defined((await stripe.subscriptions.retrieve(subscriptionId)).items.data[0], 'the item');
    const update = (quantity: number) =>
      stripe.subscriptions.update(subscriptionId, { items: [{ id: item.id, quantity }], proration_behavior: 'none' });

    // 90,000 × €10.00 = €900,000.00 is under the €999,999.99 limit, but €1,071,000.00 with 19 % VAT is not.
    expect(await update(90_000).then(() => null, refusal)).toEqual({
      type: 'StripeInvalidRequestError',
      code: 'amount_too_large',
      param: 'items[0][quantity]',
    });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]?.quantity).toBe(1);
    // 80,000: €952,000.00 with VAT.
    expect((await update(80_000)).items.data[0]?.quantity).toBe(80_000);
    expect((await stripe.invoices.createPreview({ subscription: subscriptionId })).total).toBe(95_200_000);

    // The check prices the period under the tax setting the same request leaves: off, 90,000 is €900,000.00 untaxed…
    const changeWithTax = (enabled: boolean) =>
      stripe.subscriptions.update(subscriptionId, {
        automatic_tax: { enabled },
        items: [{ id: item.id, quantity: 90_000 }],
        proration_behavior: 'none',
      });
    expect((await changeWithTax(false)).items.data[0]?.quantity).toBe(90_000);
    // …and turned back on with it, over the limit again.
    await update(1);
    expect(await changeWithTax(true).then(() => null, refusal)).toEqual({
      type: 'StripeInvalidRequestError',
      code: 'amount_too_large',
      param: 'items[0][quantity]',
    });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).automatic_tax.enabled).toBe(false);

    // A change of the tax settings alone is checked too: 90,000 seats untaxed fit, taxed they do not.
    expect((await update(90_000)).items.data[0]?.quantity).toBe(90_000);
    expect(await stripe.subscriptions.update(subscriptionId, { automatic_tax: { enabled: true } }).then(() => null, refusal)).toEqual({
      type: 'StripeInvalidRequestError',
      code: 'amount_too_large',
      param: 'automatic_tax[enabled]',
    });
    const rate = await stripe.taxRates.create({ display_name: 'VAT', percentage: 19, inclusive: false });
    expect(await stripe.subscriptions.update(subscriptionId, { default_tax_rates: [rate.id] }).then(() => null, refusal)).toEqual({
      type: 'StripeInvalidRequestError',
      code: 'amount_too_large',
      param: 'default_tax_rates',
    });
    const unchanged = await stripe.subscriptions.retrieve(subscriptionId);
    expect([unchanged.automatic_tax.enabled, unchanged.default_tax_rates]).toEqual([false, []]);
    // With fewer seats the same change is accepted.
    await update(80_000);
    expect((await stripe.subscriptions.update(subscriptionId, { automatic_tax: { enabled: true } })).automatic_tax.enabled).toBe(true);
  });

  it('tax rates are refused where automatic tax decides them; turned off, the next invoice is untaxed', async () => {
    const stripe = await germanMerchant('standard');
    const { subscriptionId, price } = await subscribe(stripe, {
      address: { country: 'DE', postal_code: '80331', city: 'München', line1: 'Marienplatz 1' },
    });
    const rate = await stripe.taxRates.create({ display_name: 'VAT', percentage: 19, inclusive: false });
    const subscription = await stripe.subscriptions.retrieve(subscriptionId);
    const item = defined(subscription.items.data[0], 'the item');

    expect(await stripe.subscriptions.update(subscriptionId, { default_tax_rates: [rate.id] }).then(() => null, refusal)).toEqual({
      type: 'StripeInvalidRequestError',
      code: undefined,
      param: 'default_tax_rates',
    });
    expect(
      await stripe.subscriptions.update(subscriptionId, { items: [{ id: item.id, tax_rates: [rate.id] }] }).then(() => null, refusal),
    ).toEqual({ type: 'StripeInvalidRequestError', code: undefined, param: 'items[0][tax_rates]' });
    expect(
      await stripe.checkout.sessions
        .create({
          mode: 'subscription',
          line_items: [{ price: price.id, quantity: 1 }],
          automatic_tax: { enabled: true },
          subscription_data: { default_tax_rates: [rate.id] },
          success_url: SUCCESS_URL,
        })
        .then(() => null, refusal),
    ).toEqual({ type: 'StripeInvalidRequestError', code: undefined, param: 'subscription_data[default_tax_rates]' });

    const off = await stripe.subscriptions.update(subscriptionId, { automatic_tax: { enabled: false } });
    expect(off.automatic_tax).toEqual({ enabled: false, disabled_reason: null, liability: null });
    const preview = await stripe.invoices.createPreview({ subscription: subscriptionId });
    expect([preview.total, preview.automatic_tax.enabled, preview.total_taxes]).toEqual([1000, false, []]);

    // Back on only once no manual rate is left: the rates set meanwhile are named in the refusal.
    await stripe.subscriptions.update(subscriptionId, { default_tax_rates: [rate.id] });
    expect(await stripe.subscriptions.update(subscriptionId, { automatic_tax: { enabled: true } }).then(() => null, refusal)).toEqual({
      type: 'StripeInvalidRequestError',
      code: undefined,
      param: 'default_tax_rates',
    });
    const on = await stripe.subscriptions.update(subscriptionId, { default_tax_rates: '', automatic_tax: { enabled: true } });
    expect(on.automatic_tax.enabled).toBe(true);
    expect((await stripe.invoices.createPreview({ subscription: subscriptionId })).total).toBe(1190);
  });
});
