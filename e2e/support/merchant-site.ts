import { createServer, type Server } from 'node:http';

/** The merchant's own website, where checkout sends the customer back: success_url and cancel_url point here. */
export type MerchantSite = {
  url: string;
  /** success_url as a merchant writes it, with Stripe's placeholder. */
  successUrl: string;
  cancelUrl: string;
  /** Where a paid session lands: successUrl with the placeholder filled in. */
  successUrlFor: (sessionId: string) => string;
  close: () => Promise<void>;
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} — Test Shop</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

/** A tiny HTTP server on a free 127.0.0.1 port (the tests cannot reach the internet). */
export async function startMerchantSite(): Promise<MerchantSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    };
    if (url.pathname === '/success') {
      const id = url.searchParams.get('session_id') ?? '';
      send(
        200,
        page(
          'Order received',
          `<p>Thank you for your order.</p><p>Checkout session: <code data-testid="session-id">${escape(id)}</code></p>`,
        ),
      );
    } else if (url.pathname === '/cancel') {
      send(200, page('Cart', '<p>Your cart is waiting for you.</p>'));
    } else {
      send(404, page('Not found', ''));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    successUrl: `${url}/success?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${url}/cancel`,
    successUrlFor: (sessionId) => `${url}/success?session_id=${encodeURIComponent(sessionId)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
