import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { newMerchantOn } from '../support/merchant';
import { queryServerDatabase } from '../support/server-database';
import { startTestServer, type TestServer } from '../support/test-server';

// SIGTERM, as an orchestrator stops a replica: the server stops taking connections at once, lets the job in flight
// (here a webhook delivery the merchant's endpoint is still answering) finish and record its outcome, then exits 0.

async function deliveryStatuses(server: TestServer): Promise<string[]> {
  const rows = await queryServerDatabase<{ status: string }>(server, 'select status from webhook_deliveries order by created_at');
  return rows.map((r) => r.status);
}

/** Resolves once the server refuses a new connection. */
async function refusesConnections(url: string): Promise<void> {
  for (;;) {
    const refused = await fetch(`${url}/healthz`).then(
      () => false,
      () => true,
    );
    if (refused) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('graceful shutdown', () => {
  it('SIGTERM: no new connections, the webhook delivery in flight finishes and is recorded, exit code 0', async () => {
    let arrived = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The merchant's endpoint holds its answer until the test lets it go.
    const endpoint = createServer((req, res) => {
      req.resume();
      arrived();
      void released.then(() => {
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const { port } = endpoint.address() as { port: number };
    const server = await startTestServer();
    try {
      const { stripe } = await newMerchantOn(server);
      await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${port}/hook`, enabled_events: ['product.created'] });
      await stripe.products.create({ name: 'Lamp' });
      await inFlight;

      const exited = server.kill('SIGTERM');
      await refusesConnections(server.url);
      expect(server.exitCode()).toBeNull();
      release();
      await exited;

      expect(server.exitCode()).toBe(0);
      expect(await deliveryStatuses(server)).toEqual(['succeeded']);
    } finally {
      release();
      endpoint.closeAllConnections();
      endpoint.close();
      await server.stop();
    }
  }, 120_000);
});
