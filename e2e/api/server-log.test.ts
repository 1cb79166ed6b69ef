import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchantOn } from '../support/merchant';
import { startTestServer } from '../support/test-server';
import { declinedThenPaid } from './declined-then-paid';

// The server's log, on a server of its own driven through a payment, a declined card, a webhook and an API error:
// one JSON object per line, each request with the id its answer carried, and never a card number, a key or a secret.

type LogRecord = { level: number; time: number; msg: string; reqId?: string; route?: string; status?: number };

describe('the server log', () => {
  it('is JSON lines with request ids, and holds no card number, API key or webhook secret', async () => {
    const endpoint = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200).end('ok'));
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const { port } = endpoint.address() as { port: number };
    const server = await startTestServer();
    try {
      const { stripe, secretKey, publishableKey } = await newMerchantOn(server);
      const hook = await stripe.webhookEndpoints.create({
        url: `http://127.0.0.1:${port}/hook`,
        enabled_events: ['checkout.session.completed'],
      });
      const product = await stripe.products.create({ name: 'Lamp' });
      const session = await declinedThenPaid(stripe, product.id);
      // An API error, and a request id the client tried to choose.
      const refused = await fetch(`${server.url}/v1/customers/cus_missing`, {
        headers: { authorization: `Bearer ${secretKey}`, 'x-caisse-request-id': 'req_AAAAAAAAAAAAAA' },
      });
      expect(refused.status).toBe(404);
      const requestId = defined(refused.headers.get('request-id'), 'request-id');
      expect(requestId).toMatch(/^req_[A-Za-z0-9]{14}$/);
      expect(requestId).not.toBe('req_AAAAAAAAAAAAAA');

      const records = () =>
        server
          .output()
          .split('\n')
          .slice(0, -1) // the last piece is a line still being written, or nothing
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as LogRecord);
      // A request is logged once its answer is sent: the line reaches this process a moment after the answer.
      await expect
        .poll(() => records().filter((r) => r.reqId === requestId))
        .toEqual([expect.objectContaining({ msg: 'request', route: 'unmatched', status: 404 })]);
      const all = records();
      expect(all.filter((r) => r.msg === 'request').length).toBeGreaterThanOrEqual(5);
      for (const r of all) expect([typeof r.level, typeof r.time, typeof r.msg]).toEqual(['number', 'number', 'string']);
      expect(all.some((r) => r.msg === 'request' && r.route === '/c/:id' && r.status === 303)).toBe(true);

      const secrets = [
        secretKey,
        publishableKey,
        defined(hook.secret, 'hook.secret'),
        session.id,
        '4242424242424242',
        '4242 4242 4242 4242',
        '4000000000000002',
        '4000 0000 0000 0002',
      ];
      for (const secret of secrets) expect(server.output()).not.toContain(secret);
      // The start-up banner prints the demo merchant's test keys (README, npm start); no log record holds a key.
      for (const r of all) expect(JSON.stringify(r)).not.toMatch(/sk_test_|rk_test_|whsec_/);
    } finally {
      endpoint.closeAllConnections();
      endpoint.close();
      await server.stop();
    }
  }, 180_000);
});
