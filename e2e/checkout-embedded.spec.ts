import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { oneTimePrice } from './support/catalog';
import { newMerchant, testServerUrl } from './support/merchant';
import { fillPaymentDetails } from './support/checkout-page';
import { defined } from './support/defined';

/** The merchant's page on another origin, mounting the checkout with embed.js. */
async function merchantPage(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (url.pathname === '/return')
      return res.end(
        `<!doctype html><title>Return</title><h1>Thanks</h1><p data-testid="returned">${url.searchParams.get('session_id')}</p>`,
      );
    const secret = JSON.stringify(url.searchParams.get('secret') ?? '');
    res.end(`<!doctype html><html lang="en"><title>Shop</title><h1>Shop checkout</h1><div id="checkout"></div>
<script src="${testServerUrl()}/embed.js"></script>
<script>Caisse.initEmbeddedCheckout({ clientSecret: ${secret} }).mount('#checkout');</script></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.close(() => {
          r();
        });
      }),
  };
}

test.describe('embedded checkout', () => {
  test('a customer pays inside the merchant page → the top window goes to return_url with the session id', async ({ page }) => {
    const shop = await merchantPage();
    try {
      const merchant = await newMerchant('Embed Shop', { allowedEmbedOrigins: [shop.origin] });
      const price = await oneTimePrice(merchant.stripe, 1500, 'usd');
      const session = await merchant.stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'embedded_page',
        line_items: [{ price: price.id, quantity: 1 }],
        return_url: `${shop.origin}/return?session_id={CHECKOUT_SESSION_ID}`,
      });
      await page.goto(`${shop.origin}/?secret=${encodeURIComponent(defined(session.client_secret, 'session.client_secret'))}`);
      const frame = page.frameLocator('iframe[title="Checkout"]');
      await expect(frame.getByTestId('pay-button')).toHaveText('Pay $15.00');
      // The frame sizes itself to its content.
      await expect.poll(async () => (await page.locator('iframe').boundingBox())?.height ?? 0).toBeGreaterThan(600);
      // A frame answers the same locator calls as a page.
      await fillPaymentDetails(frame as unknown as Page, { email: 'embed@example.com' });
      await frame.getByTestId('pay-button').click();
      await page.waitForURL(`${shop.origin}/return?session_id=${session.id}`);
      await expect(page.getByTestId('returned')).toHaveText(session.id);
      const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
      expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' });
    } finally {
      await shop.close();
    }
  });

  test('a site that is not an allowed embed origin → the browser refuses to frame the checkout', async ({ page }) => {
    const shop = await merchantPage();
    try {
      const merchant = await newMerchant('Strict Shop', { allowedEmbedOrigins: ['https://only.example'] });
      const price = await oneTimePrice(merchant.stripe, 1500, 'usd');
      const session = await merchant.stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'embedded_page',
        line_items: [{ price: price.id, quantity: 1 }],
        return_url: `${shop.origin}/return?session_id={CHECKOUT_SESSION_ID}`,
      });
      const res = await page.request.get(`${testServerUrl()}/c/${session.id}`);
      expect(res.headers()['content-security-policy']).toContain('frame-ancestors https://only.example');
      await page.goto(`${shop.origin}/?secret=${encodeURIComponent(defined(session.client_secret, 'session.client_secret'))}`);
      const frame = page.frameLocator('iframe[title="Checkout"]');
      await expect(frame.getByTestId('pay-button')).toHaveCount(0);
    } finally {
      await shop.close();
    }
  });

  test('a hosted session cannot be framed at all', async ({ request }) => {
    const merchant = await newMerchant();
    const price = await oneTimePrice(merchant.stripe);
    const session = await merchant.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://shop.example/ok',
    });
    const res = await request.get(`${testServerUrl()}/c/${session.id}`);
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers()['x-frame-options']).toBe('DENY');
  });
});
