import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { events, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import '@/lib/security/sealed-columns';
import { newId } from '@/lib/util/ids';
import { recordEvent } from './record-event';

// The fan-out on its own in-memory database: which endpoints get a pending delivery.
let client: PGlite;
let db: Db;

beforeAll(async () => {
  client = await PGlite.create();
  const pglite = drizzle(client, { schema, casing: 'snake_case' });
  db = pglite;
  await migrate(pglite, { migrationsFolder: path.resolve(import.meta.dirname, '../../db/migrations') });
});

afterAll(() => client.close());

async function endpoint(accountId: string, enabledEvents: string[], extra: Partial<typeof webhookEndpoints.$inferInsert> = {}) {
  const id = newId('we');
  await db.insert(webhookEndpoints).values({ id, accountId, url: 'https://shop.example/hook', enabledEvents, secret: 'whsec_x', ...extra });
  return id;
}

const product = { id: 'prod_1', object: 'product', name: 'Tee' };

describe('recordEvent fan-out', () => {
  it('one pending delivery per enabled, live endpoint subscribed to the type or to *', async () => {
    const acct = newId('acct');
    const exact = await endpoint(acct, ['product.created', 'price.created']);
    const star = await endpoint(acct, ['*']);
    await endpoint(acct, ['product.updated']);
    await endpoint(acct, ['product.created'], { status: 'disabled' });
    await endpoint(acct, ['product.created'], { deleted: true });
    await endpoint(newId('acct'), ['*']);

    const eventId = await db.transaction((tx) => recordEvent(tx, { accountId: acct, type: 'product.created', object: product }));

    const [event] = await db.select().from(events).where(eq(events.id, eventId));
    expect(event).toMatchObject({ accountId: acct, type: 'product.created', pendingWebhooks: 2, data: { object: product } });
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual([exact, star].sort());
    for (const d of deliveries) {
      expect(d).toMatchObject({ accountId: acct, status: 'pending', attemptCount: 0 });
      expect(d.id).toMatch(/^whd_[A-Za-z0-9]{24}$/);
    }
  });

  it('no subscribed endpoint → the event alone, pending_webhooks 0', async () => {
    const acct = newId('acct');
    await endpoint(acct, ['checkout.session.completed']);
    const eventId = await db.transaction((tx) => recordEvent(tx, { accountId: acct, type: 'customer.created', object: { id: 'cus_1' } }));
    expect((await db.select().from(events).where(eq(events.id, eventId)))[0].pendingWebhooks).toBe(0);
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId))).toEqual([]);
  });

  it('a rolled-back change leaves neither its event nor its deliveries', async () => {
    const acct = newId('acct');
    await endpoint(acct, ['*']);
    let eventId = '';
    await expect(
      db.transaction(async (tx) => {
        eventId = await recordEvent(tx, { accountId: acct, type: 'product.created', object: product });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.select().from(events).where(eq(events.id, eventId))).toEqual([]);
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId))).toEqual([]);
  });

  it("type names are matched whole: 'product.created' does not match an endpoint for 'product'", async () => {
    const acct = newId('acct');
    await endpoint(acct, ['product', 'product.*']);
    const eventId = await db.transaction((tx) => recordEvent(tx, { accountId: acct, type: 'product.created', object: product }));
    expect((await db.select().from(events).where(eq(events.id, eventId)))[0].pendingWebhooks).toBe(0);
  });
});
