import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { paidSubscription } from '../support/paid-session';

describe('updating an invoice', () => {
  it('metadata, description and auto_advance → saved, and invoice.updated names what they were before', async () => {
    const { stripe } = await newMerchant();
    const { invoiceId } = await paidSubscription(stripe);
    const updated = await stripe.invoices.update(invoiceId, { metadata: { order: '42' }, description: 'First month', auto_advance: false });
    expect(updated).toMatchObject({ metadata: { order: '42' }, description: 'First month', auto_advance: false, status: 'paid' });

    const events = await stripe.events.list({ type: 'invoice.updated' });
    const event = defined(
      events.data.find((e) => (e.data.object as Stripe.Invoice).id === invoiceId),
      'invoice.updated',
    );
    expect(event.data.previous_attributes).toEqual({ metadata: {}, description: null, auto_advance: true });
    expect(event.request?.id).toMatch(/^req_/);

    expect(await stripe.invoices.update(invoiceId, { metadata: '', description: '' })).toMatchObject({ metadata: {}, description: null });
  });

  it("Stripe's parameters Caisse does not build (number, footer, discounts…) → 400 naming each", async () => {
    const { stripe } = await newMerchant();
    const { invoiceId } = await paidSubscription(stripe);
    const cases: [Stripe.InvoiceUpdateParams, string][] = [
      [{ number: 'MY-1' }, 'number'],
      [{ footer: 'Thanks' }, 'footer'],
      [{ discounts: [{ coupon: 'x' }] }, 'discounts'],
      [{ collection_method: 'send_invoice' }, 'collection_method'],
      [{ auto_advance: 'yes' as unknown as boolean }, 'auto_advance'],
      [{ metadata: { ['k'.repeat(41)]: 'v' } }, `metadata[${'k'.repeat(41)}]`],
    ];
    for (const [params, param] of cases)
      expect(await stripeError(stripe.invoices.update(invoiceId, params)), param).toMatchObject({ statusCode: 400, param });
  });
});

describe('a paid invoice', () => {
  it("pay, void, mark_uncollectible and finalize → Stripe's 400, the invoice unchanged", async () => {
    const { stripe } = await newMerchant();
    const { invoiceId } = await paidSubscription(stripe);
    expect(await stripeError(stripe.invoices.pay(invoiceId))).toMatchObject({ statusCode: 400, message: 'Invoice is already paid' });
    expect(await stripeError(stripe.invoices.pay(invoiceId, { paid_out_of_band: true }))).toMatchObject({
      statusCode: 400,
      message: 'Invoice is already paid',
    });
    expect(await stripeError(stripe.invoices.voidInvoice(invoiceId))).toMatchObject({ statusCode: 400 });
    expect(await stripeError(stripe.invoices.markUncollectible(invoiceId))).toMatchObject({ statusCode: 400 });
    expect(await stripeError(stripe.invoices.finalizeInvoice(invoiceId))).toMatchObject({
      statusCode: 400,
      message: "This invoice is already finalized, you can't re-finalize a non-draft invoice.",
    });
    const invoice = await stripe.invoices.retrieve(invoiceId);
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 900, amount_remaining: 0 });
    expect(invoice.status_transitions).toMatchObject({ voided_at: null, marked_uncollectible_at: null });
  });

  it("paying with another customer's card, or with Stripe's parameters Caisse does not build → 400 naming the parameter", async () => {
    const { stripe } = await newMerchant();
    const mine = await paidSubscription(stripe);
    const theirs = await paidSubscription(stripe);
    const other = defined((await stripe.subscriptions.retrieve(theirs.subscriptionId)).default_payment_method as string, 'card');
    const cases: [Stripe.InvoicePayParams, string][] = [
      [{ payment_method: other }, 'payment_method'],
      [{ payment_method: 'pm_unknown' }, 'payment_method'],
      [{ forgive: true }, 'forgive'],
      [{ source: 'card_x' }, 'source'],
      [{ off_session: false }, 'off_session'],
      [{ paid_out_of_band: 'yes' as unknown as boolean }, 'paid_out_of_band'],
    ];
    for (const [params, param] of cases)
      expect(await stripeError(stripe.invoices.pay(mine.invoiceId, params)), param).toMatchObject({ statusCode: 400, param });
  });
});

describe('creating an invoice', () => {
  it('→ 400: Caisse invoices are made by subscriptions', async () => {
    const { stripe } = await newMerchant();
    const customer = await stripe.customers.create({ email: 'jenny@example.com' });
    expect(await stripeError(stripe.invoices.create({ customer: customer.id }))).toMatchObject({ statusCode: 400 });
  });
});
