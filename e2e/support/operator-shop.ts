import Stripe from 'stripe';
import type { TestServer } from './test-server';

// A merchant made through a test server's operator API, for the tests that run several server
// processes on one database: the same secret key works on each of them.

export type Shop = { secretKey: string; on: (server: TestServer) => Stripe };

/** A new account on `server`'s database; `on(s)` is an SDK client for it through server `s`. */
export async function newShop(server: TestServer, name: string): Promise<Shop> {
  const res = await fetch(`${server.url}/operator/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.operatorKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`Could not create a merchant: ${res.status} ${await res.text()}`);
  const { secret_key: secretKey } = (await res.json()) as { secret_key: string };
  const on = (s: TestServer) => {
    const u = new URL(s.url);
    return new Stripe(secretKey, { host: u.hostname, port: Number(u.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  };
  return { secretKey, on };
}
