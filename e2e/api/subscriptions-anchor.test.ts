import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchant, stripeError } from '../support/merchant';
import { payOnPage } from '../support/paid-session';

// subscription_data[billing_cycle_anchor] on a Checkout Session, as Stripe's "Set the billing cycle date"
// guide describes it: the first period runs to the anchor and, by default (proration_behavior=create_prorations),
// today's invoice charges only the time left until it; with proration_behavior=none that time is free.

const DAY = 86_400;

/** The whole month before `anchor` (Stripe prorates against the period that ends at the anchor), in seconds. */
function monthEndingAt(anchor: number): number {
  const end = new Date(anchor * 1000);
  const start = new Date(end);
  start.setUTCMonth(end.getUTCMonth() - 1);
  return anchor - start.getTime() / 1000;
}

async function monthlyPlan(stripe: Stripe) {
  const product = await stripe.products.create({ name: 'Pro plan' });
  return stripe.prices.create({ product: product.id, unit_amount: 3000, currency: 'eur', recurring: { interval: 'month' } });
}

describe('a subscription session with a billing cycle anchor', () => {
  it('create_prorations (the default): the page charges the prorated rest of the period with the one-time fee; the subscription renews at the anchor', async () => {
    const { stripe } = await newMerchant();
    const price = await monthlyPlan(stripe);
    const fee = await oneTimePrice(stripe, 500, 'eur', 'Setup fee');
    const anchor = Math.floor(Date.now() / 1000) + 10 * DAY;
    const created = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [
        { price: price.id, quantity: 2 },
        { price: fee.id, quantity: 1 },
      ],
      subscription_data: { billing_cycle_anchor: anchor },
      success_url: SUCCESS_URL,
    });
    // 2 × €30.00 for the part of a month left until the anchor, to the second, from the session's creation.
    const prorated = Math.round((6000 * (anchor - created.created)) / monthEndingAt(anchor));
    expect(prorated).toBeLessThan(6000);
    expect(Math.abs(defined(created.amount_total, 'amount_total') - (prorated + 500))).toBeLessThanOrEqual(1);

    const paid = await payOnPage(stripe, created);
    expect(paid.amount_total).toBe(created.amount_total);
    const sub = await stripe.subscriptions.retrieve(defined(paid.subscription as string | null, 'subscription'));
    expect(sub).toMatchObject({ status: 'active', billing_cycle_anchor: anchor });
    expect(defined(sub.items.data[0], 'item').current_period_end).toBe(anchor);

    const invoice = await stripe.invoices.retrieve(defined(paid.invoice as string | null, 'invoice'));
    expect(invoice).toMatchObject({ status: 'paid', billing_reason: 'subscription_create', amount_paid: created.amount_total });
    const recurring = defined(
      invoice.lines.data.find((l) => l.period.end === anchor),
      'the recurring line',
    );
    expect(recurring).toMatchObject({ amount: defined(created.amount_total, 'amount_total') - 500, quantity: 2 });
    expect(recurring.description).toBe('Remaining time on 2 × Pro plan');

    // Canceled at once with a credit for the unused time: about what was paid for the short period, never
    // a whole month's price (the first period prorates against the full month ending at the anchor).
    const canceled = await stripe.subscriptions.cancel(sub.id, { prorate: true, invoice_now: true });
    const final = await stripe.invoices.retrieve(defined(canceled.latest_invoice as string | null, 'the final invoice'));
    expect(-final.total).toBeLessThanOrEqual(recurring.amount);
    expect(recurring.amount + final.total).toBeLessThanOrEqual(5);
  });

  it('an anchor sooner than the session would expire → the session expires at the anchor, when its price would no longer hold', async () => {
    const { stripe } = await newMerchant();
    const price = await monthlyPlan(stripe);
    const anchor = Math.floor(Date.now() / 1000) + 2 * 3600;
    const created = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: price.id, quantity: 1 }],
      subscription_data: { billing_cycle_anchor: anchor },
      success_url: SUCCESS_URL,
    });
    expect(created.expires_at).toBe(anchor);
  });

  it('proration_behavior=none: nothing is charged for the time until the anchor, only the one-time fee', async () => {
    const { stripe } = await newMerchant();
    const price = await monthlyPlan(stripe);
    const fee = await oneTimePrice(stripe, 500, 'eur', 'Setup fee');
    const anchor = Math.floor(Date.now() / 1000) + 12 * DAY;
    const created = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [
        { price: price.id, quantity: 1 },
        { price: fee.id, quantity: 1 },
      ],
      subscription_data: { billing_cycle_anchor: anchor, proration_behavior: 'none' },
      success_url: SUCCESS_URL,
    });
    expect(created.amount_total).toBe(500);
    const paid = await payOnPage(stripe, created);
    const sub = await stripe.subscriptions.retrieve(defined(paid.subscription as string | null, 'subscription'));
    expect(sub.status).toBe('active');
    expect(defined(sub.items.data[0], 'item').current_period_end).toBe(anchor);
  });

  it('an anchor beyond the next natural billing date → Stripe’s 400', async () => {
    const { stripe } = await newMerchant();
    const price = await monthlyPlan(stripe);
    const err = await stripeError(
      stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: price.id, quantity: 1 }],
        subscription_data: { billing_cycle_anchor: Math.floor(Date.now() / 1000) + 40 * DAY },
        success_url: SUCCESS_URL,
      }),
    );
    expect(err).toMatchObject({ statusCode: 400, param: 'subscription_data[billing_cycle_anchor]' });
    expect(err.message).toMatch(/^billing_cycle_anchor cannot be later than next natural billing date \(\d+\) for plan$/);
  });
});
