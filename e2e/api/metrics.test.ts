import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defined } from '../support/defined';
import { newMerchantOn, testServerUrl } from '../support/merchant';
import { startTestServer } from '../support/test-server';
import { declinedThenPaid } from './declined-then-paid';

// GET /metrics, Prometheus's text format, on a server of its own started with METRICS_TOKEN: requests timed by
// route, webhook deliveries and payments counted by outcome, the queues' backlogs, the process's memory.

type Sample = { name: string; labels: Record<string, string>; value: number };

function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = defined(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line), `a sample line: ${line}`);
      const labels = Object.fromEntries([...((m[2] as string | undefined) ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
      return { name: defined(m[1], 'name'), labels, value: Number(m[3]) };
    });
}

/** The value of the sample named `name` whose labels include `labels` (0 when there is none yet). */
function valueOf(all: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found?.value ?? 0;
}

describe('GET /metrics', () => {
  it('answers 404 while METRICS_TOKEN is unset', async () => {
    expect((await fetch(`${testServerUrl()}/metrics`)).status).toBe(404);
  });

  it('behind its token: requests by route, webhook deliveries and payments by outcome, queue backlogs, memory; no secret', async () => {
    const token = randomBytes(24).toString('base64url');
    // The merchant's endpoint holds its answer (200) until the test lets it go: meanwhile the delivery waits in the queue.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const endpoint = createServer((req, res) => {
      req.resume();
      void released.then(() => res.writeHead(200).end('ok'));
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const { port } = endpoint.address() as { port: number };
    const server = await startTestServer({ METRICS_TOKEN: token });
    const scrape = async (authorization?: string) => fetch(`${server.url}/metrics`, authorization ? { headers: { authorization } } : {});
    const scraped = async () => {
      const res = await scrape(`Bearer ${token}`);
      expect(res.status).toBe(200);
      return samples(await res.text());
    };
    try {
      expect((await scrape()).status).toBe(401);
      expect((await scrape(`Bearer ${token}x`)).status).toBe(401);
      const ok = await scrape(`Bearer ${token}`);
      expect(ok.headers.get('content-type')).toContain('text/plain');

      const { stripe, secretKey } = await newMerchantOn(server);
      await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${port}/hook`, enabled_events: ['product.created'] });
      const product = await stripe.products.create({ name: 'Lamp' });
      const queued = async () => {
        const all = await scraped();
        return ['caisse_job_queue_pending', 'caisse_job_queue_due'].map((name) => valueOf(all, name, { queue: 'webhooks' }));
      };
      await expect.poll(queued, { timeout: 60_000 }).toEqual([1, 1]);
      release();
      await expect
        .poll(async () => valueOf(await scraped(), 'caisse_webhook_deliveries_total', { outcome: 'succeeded' }), {
          timeout: 60_000,
        })
        .toBe(1);

      const session = await declinedThenPaid(stripe, product.id);

      // A request is timed once its answer is sent, a moment after the client has it.
      const timed = (labels: Record<string, string>) => async () =>
        valueOf(await scraped(), 'caisse_http_request_duration_seconds_count', labels);
      await expect.poll(timed({ method: 'POST', route: '/c/:id', status: '3xx' })).toBe(1);
      const all = await scraped();
      expect(valueOf(all, 'caisse_payments_total', { outcome: 'failed', processor: 'test' })).toBe(1);
      expect(valueOf(all, 'caisse_payments_total', { outcome: 'succeeded', processor: 'test' })).toBe(1);
      expect(valueOf(all, 'caisse_http_request_duration_seconds_count', { method: 'POST', route: '/v1/products', status: '2xx' })).toBe(1);
      // The declined payment answered the page again (200), the paid one redirected (303).
      for (const status of ['2xx', '3xx'])
        expect(valueOf(all, 'caisse_http_request_duration_seconds_count', { method: 'POST', route: '/c/:id', status })).toBe(1);
      // The delivery settled: nothing waits in the webhook queue any more.
      expect(valueOf(all, 'caisse_job_queue_pending', { queue: 'webhooks' })).toBe(0);
      expect(valueOf(all, 'caisse_process_resident_memory_bytes')).toBeGreaterThan(0);

      const text = await (await scrape(`Bearer ${token}`)).text();
      // The card number whole: a bare '4242' turns up in memory and CPU figures by chance.
      for (const secret of [secretKey, token, '4242424242424242', '4000000000000002', session.id]) expect(text).not.toContain(secret);
    } finally {
      release();
      endpoint.closeAllConnections();
      endpoint.close();
      await server.stop();
    }
  }, 180_000);
});
