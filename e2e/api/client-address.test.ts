import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimePrice } from '../support/catalog';
import { newMerchantOn } from '../support/merchant';
import { startTestServer, type TestServer } from '../support/test-server';
import { postPayForm } from './pay-without-javascript';
import { defined } from '../support/defined';

// Per-client limits key on who the client is. Without a trusted proxy that is the socket's address,
// whatever X-Forwarded-For says; with TRUSTED_PROXIES, the address the proxy appended.
// The card attempts limit (30 per client in 10 minutes) is counted before anything else is checked.

const LIMIT = 30;
const RATE_LIMITED = 'Too many attempts. Try again in a few minutes.';
const rotating = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${(i * 7) % 250}` });

let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  [direct, proxied] = await Promise.all([startTestServer({ TRUSTED_PROXIES: '' }), startTestServer({ TRUSTED_PROXIES: '127.0.0.1' })]);
}, 240_000);
afterAll(async () => {
  // Either is unset if beforeAll failed before starting it.
  await Promise.all(
    [direct as TestServer | undefined, proxied as TestServer | undefined].map(async (s) => {
      await s?.stop();
    }),
  );
});

/** The limiter counts in fixed windows of the wall clock (lib/security/rate-limit.ts): 10 minutes. */
const WINDOW_MS = 10 * 60_000;

/**
 * Card attempts (declined cards, two per session so no session asks for a proof-of-work): those the page refused
 * as rate limited, and those one client would see refused — the attempts past the 30th of their window. A run
 * that crosses a window's turn starts counting again there, as the limiter does, so the test does not depend on
 * when it runs.
 */
async function attempts(server: TestServer, count: number, headers: (i: number) => Record<string, string>) {
  const merchant = await newMerchantOn(server);
  const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
  const limited: number[] = [];
  const perWindow = new Map<number, number>();
  const oneClient: number[] = [];
  let url = '';
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0)
      url = defined(
        (
          await merchant.stripe.checkout.sessions.create({
            mode: 'payment',
            line_items: [{ price: price.id, quantity: 1 }],
            success_url: 'https://shop.example/ok',
          })
        ).url,
        "the new session's url",
      );
    const res = await postPayForm(url, { card: '4000 0000 0000 0002', headers: headers(i) });
    const window = Math.floor(Date.now() / WINDOW_MS);
    const seen = (perWindow.get(window) ?? 0) + 1;
    perWindow.set(window, seen);
    if (seen > LIMIT) oneClient.push(i);
    expect(res.status).toBeLessThan(500);
    // The message shows in the form's alert (the page also carries every message in its translations).
    const alert = /data-testid="payment-error"[^>]*>([^<]*)</.exec(res.html)?.[1] ?? '';
    if (alert === RATE_LIMITED) limited.push(i);
  }
  return { limited, oneClient, crossedWindows: perWindow.size > 1 };
}

describe('who a client is, for per-client limits', () => {
  it(
    'finding 3: no trusted proxy: a client rotating X-Forwarded-For is still one client, limited after 30 card attempts',
    { timeout: 240_000 },
    async () => {
      const { limited, oneClient, crossedWindows } = await attempts(direct, LIMIT + 2, rotating);
      expect(limited).toEqual(oneClient);
      // [30, 31] unless the run crossed a window's turn (then what each window's count allows).
      if (!crossedWindows) expect(limited).toEqual([LIMIT, LIMIT + 1]);
    },
  );

  it(
    'TRUSTED_PROXIES=127.0.0.1: the address the proxy appended counts, so clients it reports apart are counted apart',
    { timeout: 240_000 },
    async () => {
      expect((await attempts(proxied, LIMIT + 2, rotating)).limited).toEqual([]);
      // The same client through the proxy, whatever it prepends itself, is one client.
      const same = (i: number) => ({ 'x-forwarded-for': `10.0.0.${i % 250}, 192.0.2.77` });
      const { limited, oneClient, crossedWindows } = await attempts(proxied, LIMIT + 2, same);
      expect(limited).toEqual(oneClient);
      if (!crossedWindows) expect(limited).toEqual([LIMIT, LIMIT + 1]);
    },
  );
});
