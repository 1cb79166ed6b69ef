import postgres from 'postgres';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newShop } from '../support/operator-shop';
import { startTestServer, type TestServer } from '../support/test-server';
import { payWithoutJavaScript } from './pay-without-javascript';
import { startReceiver, type Receiver } from './webhook-fixtures';
import { defined } from '../support/defined';

// Several `next start` processes on one Postgres, each with its delivery
// worker, as a scaled-out deployment runs them. PGlite is one process's
// database, so there is nothing to share without DATABASE_URL.
const reason = 'needs DATABASE_URL: several server processes can only share a Postgres database';

async function deliveriesOf(databaseUrl: string, eventIds: string[]) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<{ event_id: string; status: string; attempt_count: number }[]>`
      select event_id, status, attempt_count from webhook_deliveries where event_id in ${sql(eventIds)}`;
  } finally {
    await sql.end();
  }
}

/** Polls `check` until it returns true; throws after `ms`. The pause only paces the polling. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!process.env.DATABASE_URL)(`webhooks across server processes (${reason})`, () => {
  let receiver: Receiver;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  // Joiners first: the server that made the database drops it when it stops.
  afterEach(async () => {
    for (const s of servers.splice(0).reverse()) await s.stop();
  });
  afterAll(() => receiver.close());

  it('a merchant works through two servers at once → every event is delivered exactly once', async () => {
    const a = await startTestServer();
    servers.push(a);
    const b = await startTestServer({}, { databaseUrl: defined(a.databaseUrl, 'a.databaseUrl') });
    servers.push(b);
    const shop = await newShop(a, 'Two Servers');
    const [onA, onB] = [shop.on(a), shop.on(b)];
    const endpoint = await onA.webhookEndpoints.create({ url: receiver.url('/multi'), enabled_events: ['*'] });
    receiver.route('/multi', defined(endpoint.secret, 'endpoint.secret'), () => ({ status: 200 }));

    // Both servers write events at the same time, so both workers find work together.
    const burst = async (stripe: Stripe, tag: string) => {
      const price = await stripe.prices.create({ currency: 'eur', unit_amount: 500, product_data: { name: `${tag} base` } });
      const products = Promise.all(Array.from({ length: 30 }, (_, i) => stripe.products.create({ name: `${tag} ${i}` })));
      const sessions = Promise.all(
        Array.from({ length: 10 }, async () => {
          const s = await stripe.checkout.sessions.create({
            mode: 'payment',
            line_items: [{ price: price.id, quantity: 1 }],
            success_url: 'https://shop.example/ok',
          });
          return (await stripe.checkout.sessions.expire(s.id)).id;
        }),
      );
      return { products: await products, expired: await sessions };
    };
    const [fromA, fromB] = await Promise.all([burst(onA, 'A'), burst(onB, 'B')]);

    const events = await onA.events.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
    const ids = events.map((e) => e.id);
    // 60 products, 2 prices (and their products), 20 expired sessions, at least.
    expect(events.filter((e) => e.type === 'product.created').length).toBeGreaterThanOrEqual(60);
    const expiredEvents = events.filter((e) => e.type === 'checkout.session.expired');
    expect(expiredEvents.map((e) => (e.data.object as { id: string }).id).sort()).toEqual([...fromA.expired, ...fromB.expired].sort());
    expect(fromA.products.length + fromB.products.length).toBe(60);

    const verified = () => receiver.hits.filter((h) => h.path === '/multi' && h.stripeOk);
    await receiver.until(() => ids.every((id) => verified().some((h) => h.eventId === id)), 30_000);
    // Settled rows mean no worker holds or will retry any of them: the counts below are final.
    await eventually(
      async () =>
        (await deliveriesOf(defined(a.databaseUrl, 'a.databaseUrl'), ids)).filter((d) => d.status === 'succeeded').length === ids.length,
      15_000,
      'every delivery recorded as succeeded',
    );

    const perEvent = new Map<string, number>();
    for (const h of receiver.hits.filter((x) => x.path === '/multi')) {
      const id = defined(h.eventId, 'the event id of a hit on /multi');
      perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
    }
    expect([...perEvent.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...perEvent.keys()].sort()).toEqual([...ids].sort());
    for (const e of expiredEvents) expect(perEvent.get(e.id)).toBe(1);
    const rows = await deliveriesOf(defined(a.databaseUrl, 'a.databaseUrl'), ids);
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((r) => r.attempt_count === 1)).toBe(true);
  }, 120_000);

  it('each of 10 sessions is paid through both servers at once → exactly one checkout.session.completed per session', async () => {
    const a = await startTestServer();
    servers.push(a);
    const b = await startTestServer({}, { databaseUrl: defined(a.databaseUrl, 'a.databaseUrl') });
    servers.push(b);
    const shop = await newShop(a, 'Double Submit');
    const [onA, onB] = [shop.on(a), shop.on(b)];
    const endpoint = await onA.webhookEndpoints.create({ url: receiver.url('/paid'), enabled_events: ['checkout.session.completed'] });
    receiver.route('/paid', defined(endpoint.secret, 'endpoint.secret'), () => ({ status: 200 }));

    // Quantities 1..10 give every session its own amount, so each intent matches exactly one session.
    const price = await onA.prices.create({ currency: 'eur', unit_amount: 700, product_data: { name: 'Ticket' } });
    const sessions = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        onA.checkout.sessions.create({
          mode: 'payment',
          line_items: [{ price: price.id, quantity: i + 1 }],
          success_url: 'https://shop.example/ok',
        }),
      ),
    );
    expect(sessions.map((s) => s.amount_total)).toEqual(Array.from({ length: 10 }, (_, i) => 700 * (i + 1)));
    // Both submits start from the page server A rendered; one posts it back to A, the other to B.
    const submits = await Promise.all(
      sessions.map((s) =>
        Promise.all([
          payWithoutJavaScript(defined(s.url, 'session.url'), a.url),
          payWithoutJavaScript(defined(s.url, 'session.url'), b.url),
        ]),
      ),
    );
    // Whoever did not charge waits for the one that did and is normally sent on to success_url too; a
    // waiter that reads the outcome mid-commit gets the page back (200) instead. Never an error.
    for (const pair of submits) {
      expect(
        pair.every((r) => (r.status === 303 && r.location === 'https://shop.example/ok') || (r.status === 200 && r.location === null)),
      ).toBe(true);
      expect(pair.filter((r) => r.status === 303).length).toBeGreaterThanOrEqual(1);
    }

    const ids = sessions.map((s) => s.id);
    const paidHits = () => receiver.hits.filter((h) => h.path === '/paid');
    const sessionOf = (body: string) => (JSON.parse(body) as { data: { object: { id: string } } }).data.object.id;
    await receiver.until(() => ids.every((id) => paidHits().some((h) => h.stripeOk && sessionOf(h.body) === id)), 30_000);
    const completed = await onA.events.list({ type: 'checkout.session.completed', limit: 100 });
    expect(completed.data).toHaveLength(10);
    expect(completed.has_more).toBe(false);
    const eventIds = completed.data.map((e) => e.id);
    // Settled rows mean no worker holds or will retry any of them: the counts below are final.
    await eventually(
      async () =>
        (await deliveriesOf(defined(a.databaseUrl, 'a.databaseUrl'), eventIds)).filter((d) => d.status === 'succeeded').length === 10,
      15_000,
      'every completed delivery recorded as succeeded',
    );

    const hits = paidHits();
    expect(hits).toHaveLength(10);
    expect(hits.every((h) => h.stripeOk && h.standardOk)).toBe(true);
    const delivered = hits.map((h) => JSON.parse(h.body) as Stripe.Event);
    expect(delivered.map((e) => e.type)).toEqual(Array(10).fill('checkout.session.completed'));
    const perSession = new Map<string, number>();
    for (const e of delivered)
      perSession.set((e.data.object as { id: string }).id, (perSession.get((e.data.object as { id: string }).id) ?? 0) + 1);
    expect([...perSession.keys()].sort()).toEqual([...ids].sort());
    expect([...perSession.values()]).toEqual(Array(10).fill(1));
    expect(delivered.map((e) => (e.data.object as Stripe.Checkout.Session).payment_status)).toEqual(Array(10).fill('paid'));
    expect(delivered.map((e) => e.id).sort()).toEqual([...eventIds].sort());

    // Either server reads the same outcome: each session complete, paid, with its own succeeded intent.
    const intents = await onB.paymentIntents.list({ limit: 100 });
    expect(intents.data).toHaveLength(10);
    expect(intents.has_more).toBe(false);
    expect(intents.data.map((pi) => pi.status)).toEqual(Array(10).fill('succeeded'));
    for (const s of sessions) {
      const now = await onB.checkout.sessions.retrieve(s.id);
      expect(now).toMatchObject({ status: 'complete', payment_status: 'paid', amount_total: s.amount_total });
      const mine = intents.data.filter((pi) => pi.id === now.payment_intent);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ amount: s.amount_total, amount_received: s.amount_total, currency: 'eur', status: 'succeeded' });
    }
    expect(new Set(intents.data.map((pi) => pi.amount))).toEqual(new Set(sessions.map((s) => s.amount_total)));
  }, 120_000);

  it('a server dies while its delivery is in flight → a new server on the database delivers the event after the claim lease', async () => {
    const lease = { WEBHOOK_CLAIM_LEASE_SECONDS: '3' };
    const first = await startTestServer(lease);
    servers.push(first);
    const shop = await newShop(first, 'Crashy');
    const stripe = shop.on(first);
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url('/crash'), enabled_events: ['product.created'] });
    // The first request is held open: the delivery is in flight when the process dies.
    receiver.route('/crash', defined(endpoint.secret, 'endpoint.secret'), (nth) =>
      nth === 1 ? { status: 200, hang: true } : { status: 200 },
    );
    const crashHits = () => receiver.hits.filter((h) => h.path === '/crash');

    const product = await stripe.products.create({ name: 'Survives a crash' });
    const [event] = (await stripe.events.list({ type: 'product.created', limit: 1 })).data;
    expect((event.data.object as { id: string }).id).toBe(product.id);
    await receiver.until(() => crashHits().length === 1, 15_000);
    await first.kill('SIGKILL');
    // Nothing else could have sent it: the only worker is dead.
    expect(crashHits()).toHaveLength(1);
    expect((await deliveriesOf(defined(first.databaseUrl, 'first.databaseUrl'), [event.id]))[0]).toMatchObject({
      status: 'pending',
      attempt_count: 0,
    });

    const second = await startTestServer(lease, { databaseUrl: defined(first.databaseUrl, 'first.databaseUrl') });
    servers.push(second);
    await receiver.until(() => crashHits().length === 2, 30_000);
    const [hung, redelivered] = crashHits();
    expect(hung.eventId).toBe(event.id);
    expect(redelivered.eventId).toBe(event.id);
    expect(redelivered.stripeOk && redelivered.standardOk).toBe(true);
    await eventually(
      async () => (await deliveriesOf(defined(first.databaseUrl, 'first.databaseUrl'), [event.id])).at(0)?.status === 'succeeded',
      15_000,
      'the redelivery recorded as succeeded',
    );
    expect(crashHits()).toHaveLength(2);
  }, 120_000);
});
