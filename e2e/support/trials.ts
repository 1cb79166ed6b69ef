import type Stripe from 'stripe';
import { SUCCESS_URL } from './catalog';

/**
 * A customer on a fresh test clock frozen at `start`, a monthly EUR plan of `unitAmount` (900), and an open
 * subscription-mode session selling it to them with a 14-day trial; `params` adds to (or replaces) the
 * session's parameters, e.g. payment_method_collection or subscription_data.trial_settings.
 */
export async function trialSessionOnClock(
  stripe: Stripe,
  start: number,
  p: { unitAmount?: number; params?: Partial<Stripe.Checkout.SessionCreateParams> } = {},
) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
  const customer = await stripe.customers.create({ email: 'jenny@example.com', test_clock: clock.id });
  const product = await stripe.products.create({ name: 'Team plan' });
  const price = await stripe.prices.create({
    product: product.id,
    unit_amount: p.unitAmount ?? 900,
    currency: 'eur',
    recurring: { interval: 'month' },
  });
  const created = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    subscription_data: { trial_period_days: 14 },
    success_url: SUCCESS_URL,
    ...p.params,
  });
  return { clock, customer, created };
}
