import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnUrlProcess } from '../../bench/url-process';
import { SUCCESS_URL } from '../support/catalog';
import { defined } from '../support/defined';
import { newMerchantOn } from '../support/merchant';
import { startTestServer } from '../support/test-server';

// The bench's render floor (bench/render-floor.tsx) renders the checkout page's component tree with props of its own
// making: for a session like the bench's, it must show what Caisse's page shows (the same form fields, the same cart
// and total), so that a change of the page's props the floor misses fails here rather than skewing `npm run bench`.

/** The names of the form fields a page holds, but those Next adds for its server actions. */
const fieldNames = (html: string) =>
  [...new Set([...html.matchAll(/<(?:input|select|textarea)[^>]*\sname="([^"$][^"]*)"/g)].map((m) => m[1]))].sort();

describe('the bench render floor', () => {
  it('renders the fields, the cart and the total of Caisse’s page for the bench’s session', async () => {
    const server = await startTestServer();
    const floor = await spawnUrlProcess(path.join(__dirname, '../../bench/render-floor.tsx'), { NODE_ENV: 'production' });
    try {
      const { stripe } = await newMerchantOn(server);
      const product = await stripe.products.create({ name: 'Bench T-shirt' });
      const price = await stripe.prices.create({ product: product.id, unit_amount: 2500, currency: 'usd' });
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: SUCCESS_URL,
      });
      const headers = { 'accept-language': 'en' };
      const page = await (await fetch(defined(session.url, 'session.url'), { headers })).text();
      const bare = await fetch(`${floor.url}/c/${session.id}`, { headers });
      expect(bare.status).toBe(200);
      const floorHtml = await bare.text();
      expect(fieldNames(floorHtml)).toEqual(fieldNames(page));
      expect(fieldNames(page)).toContain('card.number');
      for (const text of ['Bench T-shirt', '$25.00', 'Pay $25.00']) {
        expect(page).toContain(text);
        expect(floorHtml).toContain(text);
      }
    } finally {
      await floor.stop();
      await server.stop();
    }
  });
});
