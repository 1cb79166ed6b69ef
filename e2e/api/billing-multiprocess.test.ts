import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { newShop } from '../support/operator-shop';
import { startTestServer, type TestServer } from '../support/test-server';
import { postPayForm } from './pay-without-javascript';

// Two `next start` processes on one Postgres, both running the subscription-billing job, as a scaled-out
// deployment does. A test clock advanced through one of them, which is killed (SIGKILL) as soon as the
// advance has begun: the other takes the advance over once its lease has lapsed and finishes it. However
// the work was split, each renewal's invoice exists once and is charged once. PGlite is one process's
// database, so there is nothing to share without DATABASE_URL.
const reason = 'needs DATABASE_URL: several server processes can only share a Postgres database';

const MONTHS = 6;
const PLANS = [900, 1500, 2400];

/** Sells a monthly plan to a new customer on the clock through a checkout page rendered by one server and paid through another. */
async function subscribe(stripe: Stripe, clockId: string, unitAmount: number, payThrough: TestServer) {
  const customer = await stripe.customers.create({ email: `c${unitAmount}@example.com`, test_clock: clockId });
  const product = await stripe.products.create({ name: `Plan ${unitAmount}` });
  const price = await stripe.prices.create({
    product: product.id,
    unit_amount: unitAmount,
    currency: 'eur',
    recurring: { interval: 'month' },
  });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
  });
  const paid = await postPayForm(defined(session.url, 'session.url'), {
    baseUrl: payThrough.url,
    headers: { 'x-forwarded-for': randomClientAddress() },
  });
  expect(paid.status).toBe(303);
  const done = await stripe.checkout.sessions.retrieve(session.id);
  return { customerId: customer.id, subscriptionId: defined(done.subscription as string | null, 'session.subscription'), unitAmount };
}

describe.skipIf(!process.env.DATABASE_URL)(`subscription billing across server processes (${reason})`, () => {
  const servers: TestServer[] = [];
  // Joiners first: the server that made the database drops it when it stops.
  afterEach(async () => {
    for (const s of servers.splice(0).reverse()) await s.stop();
  });

  it('a clock advanced six months, its first server killed mid-advance → the other finishes it; each renewal invoiced once, charged once', async () => {
    const a = await startTestServer();
    servers.push(a);
    const b = await startTestServer({}, { databaseUrl: defined(a.databaseUrl, 'a.databaseUrl') });
    servers.push(b);
    const shop = await newShop(a, 'Two Servers Billing');
    const [onA, onB] = [shop.on(a), shop.on(b)];

    const start = Math.floor(Date.UTC(2031, 0, 15, 12) / 1000);
    const clock = await onA.testHelpers.testClocks.create({ frozen_time: start });
    const subs = await Promise.all(PLANS.map((amount, i) => subscribe(i % 2 ? onB : onA, clock.id, amount, i % 2 ? a : b)));
    const target = Math.floor(Date.UTC(2031, MONTHS, 15, 13) / 1000);

    const started = await onA.testHelpers.testClocks.advance(clock.id, { frozen_time: target });
    expect(started.status).toBe('advancing');
    // A crash mid-advance: whatever A applied stays applied, the rest is left under A's lease.
    await a.kill('SIGKILL');

    // B's billing job takes the clock over once A's lease lapses (a minute), and finishes it.
    await expect
      .poll(async () => (await onB.testHelpers.testClocks.retrieve(clock.id)).status, { timeout: 180_000, interval: 500 })
      .toBe('ready');
    expect((await onB.testHelpers.testClocks.retrieve(clock.id)).frozen_time).toBe(target);

    for (const sub of subs) {
      const invoices = (await onB.invoices.list({ subscription: sub.subscriptionId, limit: 100 })).data;
      const cycle = invoices.filter((i) => i.billing_reason === 'subscription_cycle');
      // One invoice per month, never two for one period.
      expect(cycle).toHaveLength(MONTHS);
      expect(new Set(cycle.map((i) => i.period_start)).size).toBe(MONTHS);
      expect(cycle.map((i) => [i.status, i.amount_paid, i.attempt_count])).toEqual(
        Array.from({ length: MONTHS }, () => ['paid', sub.unitAmount, 1]),
      );
      // One charge per invoice (and the checkout's): nothing was charged twice.
      const charges = (await onB.charges.list({ customer: sub.customerId, limit: 100 })).data;
      expect(charges).toHaveLength(MONTHS + 1);
      expect(charges.every((c) => c.status === 'succeeded' && c.amount === sub.unitAmount && !c.refunded)).toBe(true);
      expect(new Set(charges.map((c) => c.payment_intent)).size).toBe(MONTHS + 1);
      expect((await onB.subscriptions.retrieve(sub.subscriptionId)).status).toBe('active');
    }
  }, 300_000);
});
