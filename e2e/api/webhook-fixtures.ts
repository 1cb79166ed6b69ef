import { randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import type { Db } from '@/db/client';
import { defined } from '../support/defined';
// Not a React hook (it opens a database): renamed here, as react-hooks/rules-of-hooks goes by the name.
import { useOwnDatabase as ownDatabase } from '../support/own-database';

// Shared by the webhook delivery tests: a database of the file's own, a real
// receiver that checks every request with both official verifiers, a merchant's
// endpoint on it and the events it received, and rows seeded straight into the
// outbox tables.

/** A database of the file's own (see useOwnDatabase), set up to deliver to receivers on 127.0.0.1; returns the cleanup. */
export async function openOwnDatabase(prefix: string): Promise<() => Promise<void>> {
  // Before any lib module reads the environment: tests receive on 127.0.0.1.
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = '1';
  return ownDatabase(prefix);
}

export type Hit = {
  path: string;
  eventId: string | null;
  headers: http.IncomingHttpHeaders;
  body: string;
  stripeOk: boolean;
  standardOk: boolean;
};
export type Reply = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number; hang?: boolean };
type Route = { secret: string; reply: (nth: number) => Reply };

const stripe = new Stripe('sk_test_x');

function verifies(body: string, headers: http.IncomingHttpHeaders, secret: string) {
  let stripeOk = false;
  let standardOk = false;
  try {
    stripe.webhooks.constructEvent(body, String(headers['stripe-signature']), secret);
    stripeOk = true;
  } catch {}
  try {
    new Webhook(secret).verify(body, headers as Record<string, string>);
    standardOk = true;
  } catch {}
  return { stripeOk, standardOk };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** node:http on 127.0.0.1; each path answers as its route says and verifies with the route's secret. */
export async function startReceiver() {
  const routes = new Map<string, Route>();
  const hits: Hit[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      const route = routes.get(path);
      let eventId: string | null = null;
      try {
        eventId = (JSON.parse(body) as { id: string | null }).id;
      } catch {}
      hits.push({
        path,
        eventId,
        headers: req.headers,
        body,
        ...(route ? verifies(body, req.headers, route.secret) : { stripeOk: false, standardOk: false }),
      });
      for (const w of waiters) w();
      const reply = route ? route.reply(hits.filter((h) => h.path === path).length) : { status: 404 };
      if (reply.hang) return;
      setTimeout(() => {
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
        res.end(reply.body ?? '');
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hits,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    route: (path: string, secret: string, reply: (nth: number) => Reply) => routes.set(path, { secret, reply }),
    hitsFor: (eventId: string) => hits.filter((h) => h.eventId === eventId),
    /** Resolves once `ready()` holds, re-checked on every request; rejects after `ms`. */
    until: (ready: () => boolean, ms = 15_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!ready()) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('receiver: condition not reached'));
        }, ms);
        waiters.add(check);
        check();
      }),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => {
        server.close(() => {
          r();
        });
      });
    },
  };
}

export type Endpoint = { path: string; secret: string };

/** A webhook endpoint of the merchant on the receiver, for `events`, answered 200: its path and secret. */
export async function endpointOn(
  merchant: Stripe,
  receiver: Receiver,
  events: Stripe.WebhookEndpointCreateParams.EnabledEvent[],
): Promise<Endpoint> {
  const path = `/endpoint-${randomInt(1e9)}`;
  const endpoint = await merchant.webhookEndpoints.create({ url: receiver.url(path), enabled_events: events });
  const secret = defined(endpoint.secret, 'endpoint.secret');
  receiver.route(path, secret, () => ({ status: 200 }));
  return { path, secret };
}

/** The events the endpoint received so far, each verified with the SDK's stripe.webhooks.constructEvent; a retried delivery once. */
export function receivedEvents(receiver: Receiver, endpoint: Endpoint): Stripe.Event[] {
  const events = receiver.hits
    .filter((h) => h.path === endpoint.path)
    .map((h) => stripe.webhooks.constructEvent(h.body, String(h.headers['stripe-signature']), endpoint.secret));
  return [...new Map(events.map((e) => [e.id, e])).values()];
}

export type Seeded = { accountId: string; endpointId: string; eventId: string; deliveryId: string; secret: string; path: string };

/** An account, an endpoint at `url(path)`, one event and its pending delivery, as the outbox holds them. */
export async function seedDelivery(
  db: Db,
  p: {
    url: (path: string) => string;
    accountId?: string;
    endpoint?: Partial<{ previousSecret: string; previousSecretExpiresAt: Date; failingSince: Date; status: string }>;
    delivery?: Partial<{ attemptCount: number; nextAttemptAt: Date }>;
  },
): Promise<Seeded> {
  const { accounts, events, webhookDeliveries, webhookEndpoints } = await import('@/db/schema');
  const { newId, randomBase62 } = await import('@/lib/util/ids');
  // The endpoint's secret is a sealed column: it is written with the installation's keys.
  await import('@/lib/security/sealed-columns');
  const accountId = p.accountId ?? newId('acct');
  if (!p.accountId) await db.insert(accounts).values({ id: accountId, name: 'Hook Shop' });
  const endpointId = newId('we');
  const eventId = newId('evt');
  const deliveryId = newId('whd');
  const secret = `whsec_${randomBase62(32)}`;
  const path = `/hook/${endpointId}`;
  await db.insert(webhookEndpoints).values({ id: endpointId, accountId, url: p.url(path), enabledEvents: ['*'], secret, ...p.endpoint });
  await db.insert(events).values({
    id: eventId,
    accountId,
    type: 'checkout.session.completed',
    apiVersion: '2026-10-28.endive',
    data: { object: { id: `cs_test_${randomBase62(10)}`, object: 'checkout.session', amount_total: 2500 } },
    requestId: 'req_abc',
    idempotencyKey: 'idem-1',
    pendingWebhooks: 1,
  });
  await db.insert(webhookDeliveries).values({ id: deliveryId, accountId, eventId, endpointId, ...p.delivery });
  return { accountId, endpointId, eventId, deliveryId, secret, path };
}
