import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { openOwnDatabase, seedDelivery, startReceiver, type Receiver } from './webhook-fixtures';
import { defined } from '../support/defined';

// Drives lib/webhooks directly against a database of its own and a real
// receiver on 127.0.0.1; time moves by passing `now` to each claim-and-deliver
// pass instead of sleeping.
let close: () => Promise<void> = async () => {};
let receiver: Receiver;
let db: Db;
let lib: {
  runOnce: typeof import('@/lib/webhooks/worker').runOnce;
  schema: typeof import('@/db/schema');
  retrieveEvent: typeof import('@/lib/events/events').retrieveEvent;
};

beforeAll(async () => {
  close = await openOwnDatabase('caisse_hooks');
  receiver = await startReceiver();
  db = await (await import('@/db/client')).getDb();
  lib = {
    runOnce: (await import('@/lib/webhooks/worker')).runOnce,
    schema: await import('@/db/schema'),
    retrieveEvent: (await import('@/lib/events/events')).retrieveEvent,
  };
});

// Each test leaves nothing due, so a later test's far-future clock cannot pick up its deliveries.
afterEach(async () => {
  await db.update(lib.schema.webhookDeliveries).set({ status: 'failed' }).where(eq(lib.schema.webhookDeliveries.status, 'pending'));
});

afterAll(async () => {
  // Unset if beforeAll failed before starting it.
  await (receiver as Receiver | undefined)?.close();
  await close();
});

const rows = async (deliveryId: string) => {
  const { webhookDeliveries, webhookAttempts } = lib.schema;
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(webhookAttempts.attemptedAt);
  return { delivery, attempts };
};
const endpointRow = async (id: string) =>
  (await db.select().from(lib.schema.webhookEndpoints).where(eq(lib.schema.webhookEndpoints.id, id)))[0];
const eventRow = async (id: string) => (await db.select().from(lib.schema.events).where(eq(lib.schema.events.id, id)))[0];
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('delivering an event to a merchant endpoint', () => {
  it('a pending delivery → one signed POST that both official verifiers accept; delivery, attempt and event record it', async () => {
    const s = await seedDelivery(db, { url: receiver.url });
    receiver.route(s.path, s.secret, () => ({ status: 200, body: 'thanks' }));

    const results = await lib.runOnce(db);
    expect(results.map((r) => [r.claim.id, r.outcome])).toEqual([[s.deliveryId, 'succeeded']]);

    const [hit] = receiver.hitsFor(s.eventId);
    expect(receiver.hitsFor(s.eventId)).toHaveLength(1);
    expect(hit).toMatchObject({ stripeOk: true, standardOk: true });
    expect(hit.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Caisse/1.0 (+webhooks)',
      'webhook-id': s.eventId,
    });
    expect(Number(hit.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    // The body is GET /v1/events/:id as it stood while this delivery was still pending.
    const shown = await lib.retrieveEvent(db, { accountId: s.accountId, id: s.eventId });
    expect(JSON.parse(hit.body)).toEqual({ ...shown, pending_webhooks: 1 });
    expect(JSON.parse(hit.body)).toMatchObject({
      id: s.eventId,
      object: 'event',
      type: 'checkout.session.completed',
      request: { id: 'req_abc', idempotency_key: 'idem-1' },
    });

    const { delivery, attempts } = await rows(s.deliveryId);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 1, lastStatusCode: 200, lockedUntil: null });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ statusCode: 200, responseExcerpt: 'thanks', error: null });
    expect(attempts[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect((await eventRow(s.eventId)).pendingWebhooks).toBe(0);
    expect(shown.pending_webhooks).toBe(0);
    expect(await lib.runOnce(db)).toEqual([]);
  });

  it('a receiver failing three times → gets the event on the 4th attempt, each retry only once it is due', async () => {
    const t0 = new Date(Date.now() + 1000);
    const s = await seedDelivery(db, { url: receiver.url, delivery: { nextAttemptAt: t0 } });
    receiver.route(s.path, s.secret, (nth) => (nth <= 3 ? { status: 500, body: 'boom' } : { status: 204 }));
    const pass = async (now: Date) => (await lib.runOnce(db, { now, random: () => 0.5 })).map((r) => r.outcome);

    expect(await pass(at(t0, -1))).toEqual([]); // not yet due
    expect(await pass(t0)).toEqual(['retrying']); // 1st fails; the 1st retry is immediate
    expect((await endpointRow(s.endpointId)).failingSince).toEqual(t0);
    expect(await pass(t0)).toEqual(['retrying']); // 2nd fails; next in 5 s
    expect(await pass(at(t0, 4_999))).toEqual([]);
    expect(await pass(at(t0, 5_000))).toEqual(['retrying']); // 3rd fails; next in 5 min
    expect((await rows(s.deliveryId)).delivery.nextAttemptAt).toEqual(at(t0, 5_000 + 300_000));
    expect(await pass(at(t0, 5_000 + 299_999))).toEqual([]);
    expect(await pass(at(t0, 5_000 + 300_000))).toEqual(['succeeded']);

    expect(receiver.hitsFor(s.eventId).map((h) => h.stripeOk && h.standardOk)).toEqual([true, true, true, true]);
    const { delivery, attempts } = await rows(s.deliveryId);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 4, lastStatusCode: 204 });
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 204]);
    expect(attempts.map((a) => a.responseExcerpt)).toEqual(['boom', 'boom', 'boom', '']);
    const endpoint = await endpointRow(s.endpointId);
    expect(endpoint).toMatchObject({ status: 'enabled', failingSince: null });
  });

  it('a 302 from the receiver → a failed attempt recorded as 302, and the Location is never requested', async () => {
    const s = await seedDelivery(db, { url: receiver.url });
    const target = `/elsewhere/${s.endpointId}`;
    receiver.route(s.path, s.secret, () => ({ status: 302, headers: { location: receiver.url(target) } }));
    receiver.route(target, s.secret, () => ({ status: 200 }));

    expect((await lib.runOnce(db)).map((r) => r.outcome)).toEqual(['retrying']);
    expect(receiver.hits.filter((h) => h.path === target)).toHaveLength(0);
    const { delivery, attempts } = await rows(s.deliveryId);
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: 302 });
    expect(attempts[0]).toMatchObject({ statusCode: 302, error: null });
  });

  it.each([
    ['loopback IPv4', (port: number) => `http://127.0.0.1:${port}/hook`, /resolves to 127\.0\.0\.1/],
    ['localhost', (port: number) => `http://localhost:${port}/hook`, /localhost resolves to (127\.0\.0\.1|::1)/],
    ['loopback IPv6', (port: number) => `http://[::1]:${port}/hook`, /resolves to ::1/],
    ['decimal IPv4', (port: number) => `http://2130706433:${port}/hook`, /resolves to 127\.0\.0\.1/],
    ['hex IPv4', (port: number) => `http://0x7f.0.0.1:${port}/hook`, /resolves to 127\.0\.0\.1/],
    ['IPv4-mapped IPv6', (port: number) => `http://[::ffff:127.0.0.1]:${port}/hook`, /resolves to ::ffff:7f00:1/],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', /resolves to 169\.254\.169\.254/],
    ['private network', () => 'http://10.0.0.1:8080/hook', /resolves to 10\.0\.0\.1/],
    ['a non-HTTP scheme', () => 'file:///etc/passwd', /file: URLs are not delivered to/],
  ])('an endpoint URL on %s, private networks not allowed → the refusal is recorded and nothing is sent', async (_name, url, reason) => {
    const s = await seedDelivery(db, { url: () => url(receiver.port) });
    const before = receiver.hits.length;

    expect((await lib.runOnce(db, { allowPrivateNetworks: false })).map((r) => r.outcome)).toEqual(['retrying']);
    expect(receiver.hits.length).toBe(before);
    const { delivery, attempts } = await rows(s.deliveryId);
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: null });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ statusCode: null, responseExcerpt: null });
    expect(attempts[0].error).toMatch(/^refused: /);
    expect(attempts[0].error).toMatch(reason);
  });

  it('a receiver that never answers → the attempt times out, is recorded as an error, and is retried', async () => {
    const s = await seedDelivery(db, { url: receiver.url });
    receiver.route(s.path, s.secret, () => ({ status: 200, hang: true }));

    expect((await lib.runOnce(db, { timeoutMs: 300 })).map((r) => r.outcome)).toEqual(['retrying']);
    const { delivery, attempts } = await rows(s.deliveryId);
    expect(receiver.hitsFor(s.eventId)).toHaveLength(1);
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: null });
    expect(attempts[0]).toMatchObject({ statusCode: null, error: 'timed out after 0.3 s' });
    expect(attempts[0].latencyMs).toBeGreaterThanOrEqual(290);
  });

  it('a receiver answering with a long error page → only its first 1 KB is kept', async () => {
    const s = await seedDelivery(db, { url: receiver.url });
    receiver.route(s.path, s.secret, () => ({ status: 503, body: 'é'.repeat(100) + 'x'.repeat(5000) }));

    await lib.runOnce(db);
    const { attempts } = await rows(s.deliveryId);
    expect(attempts[0].statusCode).toBe(503);
    expect(Buffer.byteLength(defined(attempts[0].responseExcerpt, 'attempts[0].responseExcerpt'))).toBe(1024);
    expect(attempts[0].responseExcerpt).toBe('é'.repeat(100) + 'x'.repeat(824));
  });

  it('the last retry failing too → the delivery has failed for good and the event is no longer pending', async () => {
    const s = await seedDelivery(db, { url: receiver.url, delivery: { attemptCount: 10 } });
    receiver.route(s.path, s.secret, () => ({ status: 500 }));

    expect((await lib.runOnce(db)).map((r) => r.outcome)).toEqual(['failed']);
    expect((await rows(s.deliveryId)).delivery).toMatchObject({
      status: 'failed',
      attemptCount: 11,
      lastStatusCode: 500,
      lockedUntil: null,
    });
    expect((await eventRow(s.eventId)).pendingWebhooks).toBe(0);
    expect(await lib.runOnce(db, { now: at(new Date(), 30 * 86_400_000) })).toEqual([]);
  });

  it('an endpoint failing for over 3 days → disabled, and its other pending deliveries are given up unsent', async () => {
    const now = new Date();
    const s = await seedDelivery(db, {
      url: receiver.url,
      endpoint: { failingSince: at(now, -3 * 86_400_000 - 60_000) },
      delivery: { nextAttemptAt: now },
    });
    receiver.route(s.path, s.secret, () => ({ status: 500 }));
    const { webhookDeliveries, events } = lib.schema;
    const { newId } = await import('@/lib/util/ids');
    const laterEvent = newId('evt');
    await db
      .insert(events)
      .values({ id: laterEvent, accountId: s.accountId, type: 'checkout.session.expired', data: { object: {} }, pendingWebhooks: 1 });
    const later = newId('whd');
    await db
      .insert(webhookDeliveries)
      .values({ id: later, accountId: s.accountId, eventId: laterEvent, endpointId: s.endpointId, nextAttemptAt: at(now, 1000) });

    expect((await lib.runOnce(db, { now, limit: 1 })).map((r) => r.outcome)).toEqual(['retrying']);
    expect(await endpointRow(s.endpointId)).toMatchObject({ status: 'disabled', disabledReason: 'failing for 3 days' });

    // Both the immediate retry of the first and the later delivery: given up, no request made.
    const outcomes = (await lib.runOnce(db, { now: at(now, 2000) })).map((r) => [r.claim.id, r.outcome]);
    expect(outcomes.sort()).toEqual(
      [
        [s.deliveryId, 'failed'],
        [later, 'failed'],
      ].sort(),
    );
    expect(receiver.hitsFor(s.eventId)).toHaveLength(1);
    expect(receiver.hitsFor(laterEvent)).toHaveLength(0);
    expect((await rows(s.deliveryId)).attempts).toHaveLength(1);
    expect((await rows(later)).attempts).toHaveLength(0);
    expect((await eventRow(s.eventId)).pendingWebhooks).toBe(0);
    expect((await eventRow(laterEvent)).pendingWebhooks).toBe(0);
  });

  it('an endpoint failing for less than 3 days → stays enabled, its failure clock unchanged', async () => {
    const now = new Date();
    const since = at(now, -2 * 86_400_000);
    const s = await seedDelivery(db, { url: receiver.url, endpoint: { failingSince: since }, delivery: { nextAttemptAt: now } });
    receiver.route(s.path, s.secret, () => ({ status: 500 }));

    await lib.runOnce(db, { now });
    expect(await endpointRow(s.endpointId)).toMatchObject({ status: 'enabled', failingSince: since, disabledReason: null });
  });

  it('during a secret roll → a receiver still on the previous secret verifies the delivery', async () => {
    const { randomBase62 } = await import('@/lib/util/ids');
    const previous = `whsec_${randomBase62(32)}`;
    const s = await seedDelivery(db, {
      url: receiver.url,
      endpoint: { previousSecret: previous, previousSecretExpiresAt: new Date(Date.now() + 3600_000) },
    });
    receiver.route(s.path, previous, () => ({ status: 200 }));

    await lib.runOnce(db);
    const [hit] = receiver.hitsFor(s.eventId);
    expect(hit).toMatchObject({ stripeOk: true, standardOk: true });
    expect(String(hit.headers['stripe-signature']).match(/v1=/g)).toHaveLength(2);
  });
});
