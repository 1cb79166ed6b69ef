import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { advanceClock } from '../support/test-clocks';
import { iossMerchant } from './automatic-tax-helpers';
import { MONTH, renewal, START, subscribeOnPage } from './subscription-tax-helpers';

// The EU's import scheme (IOSS) on a subscription, through the official SDK: a merchant in the United States,
// registered for it in Ireland, sends a consumer in Berlin a monthly box of coffee. Each invoice is a consignment of
// its own: one worth €150 at most pays German VAT, a dearer one is taxed at the border (not_collecting), whether it is
// foretold by the preview or made at the renewal.

const taxesOf = (invoice: Stripe.Invoice) => (invoice.total_taxes ?? []).map((t) => [t.amount, t.taxability_reason]);

/**
 * A Berlin customer (on a fresh clock) of a US merchant registered for the import scheme subscribes on the session's
 * page to `quantity` boxes at €100.00 a month, with `percentOff` off for ever if given.
 */
async function subscribeFromBerlin(quantity: number, percentOff?: number) {
  const stripe = await iossMerchant();
  const subscribed = await subscribeOnPage(stripe, {
    address: { country: 'DE', postal_code: '10115', city: 'Berlin', line1: 'Invalidenstraße 1' },
    product: { name: 'Coffee box', tax_code: 'txcd_99999999' },
    unitAmount: 10_000,
    quantity,
    ...(percentOff && { percentOff }),
  });
  return { stripe, ...subscribed, subscription: await stripe.subscriptions.retrieve(subscribed.subscriptionId) };
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

  it('a change invoiced at once is a consignment of its own: two more boxes for the whole month (€200) collect none', async () => {
    const { stripe, subscription } = await subscribeFromBerlin(1);
    const item = defined(subscription.items.data[0], 'the subscription item');
    const changed = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 3 }],
      proration_behavior: 'always_invoice',
      expand: ['latest_invoice'],
    });
    const invoice = changed.latest_invoice as Stripe.Invoice;
    expect([invoice.billing_reason, invoice.subtotal, invoice.total]).toEqual(['subscription_update', 20_000, 20_000]);
    expect(taxesOf(invoice)).toEqual([[0, 'not_collecting']]);
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
