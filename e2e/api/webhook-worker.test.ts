import type Stripe from 'stripe';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { ApiError } from '@/lib/api/errors';
import { openOwnDatabase, seedDelivery, startReceiver, type Receiver } from './webhook-fixtures';

// The worker as processes run it: claim loops side by side on one database, a
// worker that dies holding a claim, a clean stop, and re-sending by hand.
let close: () => Promise<void> = async () => {};
let receiver: Receiver;
let db: Db;
let worker: typeof import('@/lib/webhooks/worker');
let schema: typeof import('@/db/schema');

beforeAll(async () => {
  close = await openOwnDatabase('caisse_hookworker');
  receiver = await startReceiver();
  db = await (await import('@/db/client')).getDb();
  worker = await import('@/lib/webhooks/worker');
  schema = await import('@/db/schema');
});

afterEach(async () => {
  await db.update(schema.webhookDeliveries).set({ status: 'failed' }).where(eq(schema.webhookDeliveries.status, 'pending'));
});

afterAll(async () => {
  // Unset if beforeAll failed before starting it.
  await (receiver as Receiver | undefined)?.close();
  await close();
});

const delivery = async (id: string) => (await db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.id, id)))[0];
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** Another app process's view of the database: its own pool on Postgres; PGlite has only one. */
async function secondProcessDb(): Promise<{ db: Db; end: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { db, end: async () => {} };
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  return { db: drizzle(sql, { schema, casing: 'snake_case' }) as unknown as Db, end: () => sql.end({ timeout: 5 }) };
}

describe('several workers on one database', () => {
  it('two claim loops draining 60 deliveries at once → every event reaches its receiver exactly once', async () => {
    const first = await seedDelivery(db, { url: receiver.url });
    const seeded = [first];
    for (let i = 1; i < 60; i++) seeded.push(await seedDelivery(db, { url: receiver.url, accountId: first.accountId }));
    // A little latency keeps both loops busy with deliveries in flight at the same time.
    for (const s of seeded) receiver.route(s.path, s.secret, () => ({ status: 200, delayMs: 15 }));
    const ids = new Set(seeded.map((s) => s.eventId));

    const other = await secondProcessDb();
    const a = worker.createWorker(db, { concurrency: 8, idlePollMs: 10 });
    const b = worker.createWorker(other.db, { concurrency: 8, idlePollMs: 10 });
    try {
      await receiver.until(
        () => new Set(receiver.hits.filter((h) => h.eventId !== null && ids.has(h.eventId)).map((h) => h.eventId)).size === ids.size,
      );
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await other.end();
    }

    const perEvent = [...ids].map((id) => receiver.hitsFor(id).length);
    expect(perEvent).toEqual(seeded.map(() => 1));
    expect(receiver.hits.filter((h) => h.eventId !== null && ids.has(h.eventId)).every((h) => h.stripeOk && h.standardOk)).toBe(true);
    const rows = await db
      .select()
      .from(schema.webhookDeliveries)
      .where(
        inArray(
          schema.webhookDeliveries.id,
          seeded.map((s) => s.deliveryId),
        ),
      );
    expect(rows.map((r) => `${r.status}/${r.attemptCount}`)).toEqual(seeded.map(() => 'succeeded/1'));
    const attempts = await db
      .select()
      .from(schema.webhookAttempts)
      .where(
        inArray(
          schema.webhookAttempts.deliveryId,
          seeded.map((s) => s.deliveryId),
        ),
      );
    expect(attempts).toHaveLength(60);
  });

  it('a worker killed after claiming a delivery → nobody else sends it until the claim runs out, then the next claim delivers it', async () => {
    const t0 = new Date(Date.now() + 1000);
    const s = await seedDelivery(db, { url: receiver.url, delivery: { nextAttemptAt: t0 } });
    receiver.route(s.path, s.secret, () => ({ status: 200 }));

    // The dead worker: claimed, never delivered, never released.
    const [stale] = await worker.claimDue(db, { limit: 10, now: t0 });
    expect(stale.id).toBe(s.deliveryId);
    expect((await delivery(s.deliveryId)).lockedUntil).toEqual(at(t0, worker.LEASE_SECONDS * 1000));

    expect(await worker.runOnce(db, { now: at(t0, 30_000) })).toEqual([]);
    expect(await worker.runOnce(db, { now: at(t0, 60_000) })).toEqual([]);
    expect((await worker.runOnce(db, { now: at(t0, 60_001) })).map((r) => r.outcome)).toEqual(['succeeded']);
    expect(receiver.hitsFor(s.eventId)).toHaveLength(1);
    expect(await delivery(s.deliveryId)).toMatchObject({ status: 'succeeded', attemptCount: 1, lockedUntil: null });
  });

  it('a stalled worker finishing after its claim was taken over → its late result cannot overwrite the new owner’s', async () => {
    const { deliverClaimed } = await import('@/lib/webhooks/deliver');
    const t0 = new Date(Date.now() + 1000);
    const s = await seedDelivery(db, { url: receiver.url, delivery: { nextAttemptAt: t0 } });
    receiver.route(s.path, s.secret, (nth) => (nth === 1 ? { status: 500 } : { status: 200 }));
    const [stale] = await worker.claimDue(db, { limit: 10, now: t0 });
    const [fresh] = await worker.claimDue(db, { limit: 10, now: at(t0, 61_000) });
    expect(fresh.id).toBe(stale.id);

    // The stalled one sends (at-least-once) and fails, but its outcome is not recorded on the delivery.
    expect(await deliverClaimed(db, stale, { now: at(t0, 62_000) })).toBe('lost_claim');
    expect(await delivery(s.deliveryId)).toMatchObject({ status: 'pending', attemptCount: 0, lastStatusCode: null });
    expect((await delivery(s.deliveryId)).lockedUntil).toEqual(at(t0, 121_000));

    expect(await deliverClaimed(db, fresh, { now: at(t0, 63_000) })).toBe('succeeded');
    expect(await delivery(s.deliveryId)).toMatchObject({ status: 'succeeded', attemptCount: 1, lastStatusCode: 200 });
    const attempts = await db.select().from(schema.webhookAttempts).where(eq(schema.webhookAttempts.deliveryId, s.deliveryId));
    expect(attempts.map((a) => a.statusCode).sort()).toEqual([200, 500]);
  });

  it('stop() while a delivery is in flight → resolves only after that delivery is recorded, and claims nothing more', async () => {
    const s = await seedDelivery(db, { url: receiver.url });
    receiver.route(s.path, s.secret, () => ({ status: 200, delayMs: 300 }));
    const w = worker.createWorker(db, { idlePollMs: 10 });
    await receiver.until(() => receiver.hitsFor(s.eventId).length === 1);
    await w.stop();
    expect(await delivery(s.deliveryId)).toMatchObject({ status: 'succeeded', attemptCount: 1, lockedUntil: null });

    const next = await seedDelivery(db, { url: receiver.url, accountId: s.accountId });
    receiver.route(next.path, next.secret, () => ({ status: 200 }));
    await new Promise((r) => setTimeout(r, 100)); // a stopped loop would have polled ten times by now
    expect(receiver.hitsFor(next.eventId)).toHaveLength(0);
    expect((await delivery(next.deliveryId)).status).toBe('pending');
  });
});

describe('re-sending an event by hand', () => {
  it('an event already delivered → sent again now, with a fresh set of retries, and counted as pending until then', async () => {
    const { resendDelivery } = await import('@/lib/webhooks/resend');
    const s = await seedDelivery(db, { url: receiver.url });
    receiver.route(s.path, s.secret, () => ({ status: 200 }));
    await worker.runOnce(db);

    const { deliveryId } = await resendDelivery(db, { accountId: s.accountId, eventId: s.eventId, endpointId: s.endpointId });
    expect(deliveryId).toBe(s.deliveryId);
    expect(await delivery(s.deliveryId)).toMatchObject({ status: 'pending', attemptCount: 0, lockedUntil: null });
    const [event] = await db.select().from(schema.events).where(eq(schema.events.id, s.eventId));
    expect(event.pendingWebhooks).toBe(1);

    expect((await worker.runOnce(db)).map((r) => r.outcome)).toEqual(['succeeded']);
    expect(receiver.hitsFor(s.eventId)).toHaveLength(2);
    expect((JSON.parse(receiver.hitsFor(s.eventId)[1].body) as Stripe.Event).pending_webhooks).toBe(1);
  });

  it('an endpoint added after the event → a delivery is created for it and sent', async () => {
    const { resendDelivery } = await import('@/lib/webhooks/resend');
    const s = await seedDelivery(db, { url: receiver.url });
    receiver.route(s.path, s.secret, () => ({ status: 200 }));
    const { newId } = await import('@/lib/util/ids');
    const endpointId = newId('we');
    const path = `/hook/${endpointId}`;
    await db
      .insert(schema.webhookEndpoints)
      .values({ id: endpointId, accountId: s.accountId, url: receiver.url(path), enabledEvents: ['*'], secret: s.secret });
    receiver.route(path, s.secret, () => ({ status: 200 }));

    const { deliveryId } = await resendDelivery(db, { accountId: s.accountId, eventId: s.eventId, endpointId });
    expect(deliveryId).not.toBe(s.deliveryId);
    const outcomes = (await worker.runOnce(db)).map((r) => [r.claim.endpointId, r.outcome]).sort();
    expect(outcomes).toEqual(
      [
        [endpointId, 'succeeded'],
        [s.endpointId, 'succeeded'],
      ].sort(),
    );
    expect(receiver.hits.filter((h) => h.path === path && h.eventId === s.eventId && h.stripeOk)).toHaveLength(1);
  });

  it("another merchant's event or endpoint → 404; a disabled endpoint → 400", async () => {
    const { resendDelivery } = await import('@/lib/webhooks/resend');
    const mine = await seedDelivery(db, { url: receiver.url });
    const theirs = await seedDelivery(db, { url: receiver.url });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as ApiError,
      );

    const e1 = await refusal(resendDelivery(db, { accountId: mine.accountId, eventId: theirs.eventId, endpointId: mine.endpointId }));
    expect(e1).toBeInstanceOf(ApiError);
    expect(e1).toMatchObject({ status: 404, code: 'resource_missing' });
    const e2 = await refusal(resendDelivery(db, { accountId: mine.accountId, eventId: mine.eventId, endpointId: theirs.endpointId }));
    expect(e2).toMatchObject({ status: 404, code: 'resource_missing' });

    await db.update(schema.webhookEndpoints).set({ status: 'disabled' }).where(eq(schema.webhookEndpoints.id, mine.endpointId));
    const e3 = await refusal(resendDelivery(db, { accountId: mine.accountId, eventId: mine.eventId, endpointId: mine.endpointId }));
    expect(e3).toMatchObject({ status: 400, message: expect.stringMatching(/disabled/) as unknown });
  });
});
