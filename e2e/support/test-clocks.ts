import type Stripe from 'stripe';
import { expect } from 'vitest';
import { paidSubscription } from './paid-session';

// API tests on Caisse's test clocks (vitest only: expect.poll waits for an advance to end).

/** Advances the clock and waits, as Stripe's docs say to, until it is ready again. */
export async function advanceClock(stripe: Stripe, clockId: string, to: number): Promise<Stripe.TestHelpers.TestClock> {
  const started = await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: to });
  expect(started.status).toBe('advancing');
  await expect
    .poll(async () => (await stripe.testHelpers.testClocks.retrieve(clockId)).status, { timeout: 120_000, interval: 250 })
    .toBe('ready');
  return stripe.testHelpers.testClocks.retrieve(clockId);
}

/** A clock frozen at `frozen`, a customer on it, and a subscription that customer bought on a session's page (paidSubscription). */
export async function subscribedOnClock(stripe: Stripe, frozen: number, p: Parameters<typeof paidSubscription>[1] = {}) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: frozen, name: 'a year of billing' });
  const customer = await stripe.customers.create({ email: 'jenny@example.com', test_clock: clock.id });
  const bought = await paidSubscription(stripe, { ...p, params: { customer: customer.id, ...p.params } });
  return { clock, customer, ...bought };
}
