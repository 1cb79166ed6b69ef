import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { advanceClock } from '../support/test-clocks';
import { taxMerchant } from './automatic-tax-helpers';
import { postPayForm } from './pay-without-javascript';

// The EU's import scheme (IOSS) on a subscription, through the official SDK: a merchant in the United States,
// registered for it in Ireland, sends a consumer in Berlin a monthly box of coffee. Each invoice is a consignment of
// its own: one worth €150 at most pays German VAT, a dearer one is taxed at the border (not_collecting), whether it is
// foretold by the preview or made at the renewal.

const START = Math.floor(Date.UTC(2031, 2, 3, 9) / 1000);
const MONTH = 31 * 86_400;

const taxesOf = (invoice: Stripe.Invoice) => (invoice.total_taxes ?? []).map((t) => [t.amount, t.taxability_reason]);

/**
 * A Berlin customer (on a fresh clock) subscribes on the session's page to `quantity` boxes at €100.00 a month, with
 * `percentOff` off for ever if given.
 */
async function subscribeFromBerlin(quantity: number, percentOff?: number) {
  const stripe = await taxMerchant({ country: 'US', state: 'NY' }, [{ country: 'IE', country_options: { ie: { type: 'ioss' } } }]);
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START });
  const customer = await stripe.customers.create({
    email: 'jenny@example.com',
    address: { country: 'DE', postal_code: '10115', city: 'Berlin', line1: 'Invalidenstraße 1' },
    test_clock: clock.id,
  });
  const product = await stripe.products.create({ name: 'Coffee box', tax_code: 'txcd_99999999' });
  const price = await stripe.prices.create({ product: product.id, unit_amount: 10_000, currency: 'eur', recurring: { interval: 'month' } });
  const created = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: price.id, quantity }],
    automatic_tax: { enabled: true },
    success_url: SUCCESS_URL,
    ...(percentOff && { discounts: [{ coupon: (await stripe.coupons.create({ percent_off: percentOff, duration: 'forever' })).id }] }),
  });
  const paid = await postPayForm(defined(created.url, 'session.url'), {
    extra: {
      'billing.name': 'Jenny Rosen',
      'billing.line1': 'Invalidenstraße 1',
      'billing.city': 'Berlin',
      'billing.postal_code': '10115',
      'billing.country': 'DE',
    },
    headers: { 'x-forwarded-for': randomClientAddress() },
  });
  expect(paid.status).toBe(303);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  const subscription = await stripe.subscriptions.retrieve(defined(session.subscription as string | null, 'session.subscription'));
  return { stripe, clock, session, subscription, firstInvoiceId: defined(session.invoice as string | null, 'session.invoice') };
}

/** The subscription's invoice a month on (its invoices other than the first). */
async function renewal(stripe: Stripe, subscriptionId: string, firstInvoiceId: string) {
  const invoices = (await stripe.invoices.list({ subscription: subscriptionId })).data.filter((i) => i.id !== firstInvoiceId);
  expect(invoices).toHaveLength(1);
  return defined(invoices[0], 'the renewal invoice');
}

describe('automatic tax on subscriptions under the EU’s import scheme', () => {
  it('a box of €100 pays German VAT; raised to two (€200), the preview and the renewal collect none', async () => {
    const { stripe, clock, session, subscription, firstInvoiceId } = await subscribeFromBerlin(1);
    expect([session.amount_subtotal, session.total_details?.amount_tax, session.amount_total]).toEqual([10_000, 1900, 11_900]);
    expect(taxesOf(await stripe.invoices.retrieve(firstInvoiceId))).toEqual([[1900, 'standard_rated']]);

    const item = defined(subscription.items.data[0], 'the subscription item');
    await stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, quantity: 2 }], proration_behavior: 'none' });
    const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
    expect([preview.subtotal, preview.total, preview.automatic_tax.status]).toEqual([20_000, 20_000, 'complete']);
    expect(taxesOf(preview)).toEqual([[0, 'not_collecting']]);

    await advanceClock(stripe, clock.id, START + MONTH);
    const renewed = await renewal(stripe, subscription.id, firstInvoiceId);
    expect(renewed).toMatchObject({ status: 'paid', subtotal: 20_000, total: 20_000, amount_paid: 20_000 });
    expect(taxesOf(renewed)).toEqual([[0, 'not_collecting']]);
  });

  it('weighs each invoice after the subscription’s discount: two boxes at 25 % off (€150) are covered', async () => {
    const { stripe, session, subscription, firstInvoiceId } = await subscribeFromBerlin(2, 25);
    expect([session.amount_subtotal, session.total_details?.amount_tax, session.amount_total]).toEqual([20_000, 2850, 17_850]);
    expect(taxesOf(await stripe.invoices.retrieve(firstInvoiceId))).toEqual([[2850, 'standard_rated']]);
    const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
    expect([preview.subtotal, preview.total]).toEqual([20_000, 17_850]);
    expect(taxesOf(preview)).toEqual([[2850, 'standard_rated']]);
  });
});
