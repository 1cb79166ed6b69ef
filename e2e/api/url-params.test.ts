import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { oneTimePrice, SUCCESS_URL } from '../support/catalog';
import { newMerchant, newMerchantOn, stripeError } from '../support/merchant';
import { startTestServer, type TestServer } from '../support/test-server';
import { payWithoutJavaScript } from './pay-without-javascript';
import { defined } from '../support/defined';

const CRLF_URL = 'https://shop.example/ok\r\nSet-Cookie: session=stolen';

async function refusedAsInvalidUrl(call: Promise<unknown>, param: string) {
  const err = await stripeError(call);
  expect(err, param).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', code: 'url_invalid', param });
  expect(err.message).toMatch(/^Not a valid URL/);
}

describe('URL parameters', () => {
  it('a success_url with CR/LF is refused with url_invalid, like every URL parameter holding a control character or no absolute http(s) URL', async () => {
    const { stripe } = await newMerchant();
    const price = await oneTimePrice(stripe);
    const session = (extra: Partial<Stripe.Checkout.SessionCreateParams>) =>
      stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: SUCCESS_URL,
        ...extra,
      });
    for (const bad of [
      CRLF_URL,
      'https://shop.example/\tx',
      'https://shop.example/\u0085',
      'https://shop.example/a b',
      'shop.example/success',
      'javascript:alert(1)',
    ]) {
      await refusedAsInvalidUrl(session({ success_url: bad }), 'success_url');
    }
    await refusedAsInvalidUrl(session({ cancel_url: CRLF_URL }), 'cancel_url');
    await refusedAsInvalidUrl(session({ success_url: undefined, ui_mode: 'embedded_page', return_url: CRLF_URL }), 'return_url');
    await refusedAsInvalidUrl(
      session({
        line_items: [
          {
            price_data: {
              currency: 'usd',
              unit_amount: 100,
              product_data: { name: 'Mug', images: ['https://shop.example/mug.png', CRLF_URL] },
            },
            quantity: 1,
          },
        ],
      }),
      'line_items[0][price_data][product_data][images][1]',
    );
    await refusedAsInvalidUrl(session({ branding_settings: { logo: { type: 'url', url: CRLF_URL } } }), 'branding_settings[logo][url]');

    await refusedAsInvalidUrl(stripe.products.create({ name: 'Mug', url: CRLF_URL }), 'url');
    await refusedAsInvalidUrl(stripe.products.create({ name: 'Mug', images: [CRLF_URL] }), 'images[0]');
    const product = await stripe.products.create({ name: 'Mug', url: 'https://shop.example/mug' });
    await refusedAsInvalidUrl(stripe.products.update(product.id, { url: CRLF_URL }), 'url');

    await refusedAsInvalidUrl(stripe.webhookEndpoints.create({ url: CRLF_URL, enabled_events: ['*'] }), 'url');
    const endpoint = await stripe.webhookEndpoints.create({ url: 'https://shop.example/hooks', enabled_events: ['*'] });
    await refusedAsInvalidUrl(stripe.webhookEndpoints.update(endpoint.id, { url: 'https://shop.example/hooks\n' }), 'url');

    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
  });
});

/** Rewrites a stored session's success_url, as a row saved before URLs were checked could hold it. */
async function storeSuccessUrl(server: TestServer, pgliteDir: string | null, sessionId: string, url: string): Promise<TestServer> {
  const sql = `update checkout_sessions set success_url = $1 where id = $2`;
  if (server.databaseUrl) {
    const db = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
    await db.unsafe(sql, [url, sessionId]);
    await db.end();
    return server;
  }
  // PGlite belongs to one process: the server stops while the row is changed, then starts again on the same data.
  await server.stop();
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = defined(pgliteDir, 'the PGlite folder of a server without DATABASE_URL');
  const pg = new PGlite(dir);
  await pg.query(sql, [url, sessionId]);
  await pg.close();
  return startTestServer({ PGLITE_DIR: dir, DATABASE_URL: '' });
}

describe('a session stored with a success_url a redirect cannot carry', () => {
  it('success_url with CR/LF already stored: paying, and the page after, answer without a 500 and show the paid state', async () => {
    const pgliteDir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(os.tmpdir(), 'caisse-url-'));
    let server = await startTestServer(pgliteDir ? { PGLITE_DIR: pgliteDir, DATABASE_URL: '' } : {});
    try {
      const { stripe } = await newMerchantOn(server);
      const price = await oneTimePrice(stripe);
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: SUCCESS_URL,
      });
      server = await storeSuccessUrl(server, pgliteDir, session.id, CRLF_URL);
      const page = `${server.url}/c/${session.id}`;

      const paid = await payWithoutJavaScript(page);
      expect(paid.status).toBeLessThan(500);
      expect(paid.location ?? '').not.toContain('shop.example');

      for (let visit = 0; visit < 2; visit++) {
        const res = await fetch(page, { redirect: 'manual' });
        expect(res.status).toBe(200);
        expect(res.headers.get('location')).toBeNull();
        expect(await res.text()).toContain('checkout-complete');
      }
    } finally {
      await server.stop();
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    }
    // Two server starts on PGlite.
  }, 180_000);
});
