import { describe, expect, it } from 'vitest';
import { startBaseline } from '../../bench/baseline';
import { SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchantOn } from '../support/merchant';
import { startTestServer } from '../support/test-server';

// The bench's bare baseline (bench/baseline.ts) writes and reads Caisse's own tables with its own SQL: a session it
// creates must be one Caisse's API serves as its own, and a session Caisse created one it reads, so a schema change
// that the baseline's SQL misses fails here rather than skewing `npm run bench`. The bench runs on Postgres only, as
// does this test (the Postgres half of `npm test`).

describe.runIf(process.env.DATABASE_URL)('the bench baseline', () => {
  it('creates sessions Caisse serves, reads sessions Caisse made, claims idempotency keys, answers /healthz', async () => {
    const server = await startTestServer();
    const baseline = await startBaseline({ databaseUrl: defined(server.databaseUrl, 'databaseUrl'), poolSize: 2 });
    try {
      const { stripe, secretKey } = await newMerchantOn(server);
      const product = await stripe.products.create({ name: 'Bench T-shirt' });
      const price = await stripe.prices.create({ product: product.id, unit_amount: 2500, currency: 'usd' });
      const body = `line_items[0][price]=${price.id}&line_items[0][quantity]=2&mode=payment&success_url=${encodeURIComponent(SUCCESS_URL)}`;
      const post = (key: string) =>
        fetch(`${baseline.url}/v1/checkout/sessions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
          body,
        });
      const made = await post('bench-1');
      expect(made.status).toBe(200);
      const { id } = (await made.json()) as { id: string };
      expect((await post('bench-1')).status).toBe(409);

      const served = await stripe.checkout.sessions.retrieve(id, { expand: ['line_items'] });
      expect(served).toMatchObject({ status: 'open', mode: 'payment', currency: 'usd', amount_total: 5000, payment_status: 'unpaid' });
      expect(served.line_items?.data.map((l) => [l.price?.id, l.quantity, l.amount_total])).toEqual([[price.id, 2, 5000]]);
      // Its checkout page opens.
      expect((await fetch(defined(served.url, 'session.url'))).status).toBe(200);

      const caisseMade = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: SUCCESS_URL,
      });
      const read = await fetch(`${baseline.url}/v1/checkout/sessions/${caisseMade.id}`, {
        headers: { authorization: `Bearer ${secretKey}` },
      });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id: caisseMade.id, amount_total: '2500' });
      expect((await fetch(`${baseline.url}/healthz`)).status).toBe(200);
    } finally {
      await baseline.stop();
      await server.stop();
    }
  }, 120_000);
});
