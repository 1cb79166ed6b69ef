// The bench's fixtures (one merchant, one price, sessions to read) and its load scenarios.
import { randomBytes } from 'node:crypto';
import autocannon, { type Request, type Result } from 'autocannon';
import Stripe from 'stripe';

export type Fixtures = { secretKey: string; priceId: string; sessionIds: string[] };

export type ScenarioName = 'create' | 'retrieve' | 'healthz' | 'page';

export type Measured = {
  rps: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

const CREATE_BODY = 'line_items[0][price]=PRICE&line_items[0][quantity]=1&mode=payment&success_url=https%3A%2F%2Fexample.com%2Fok';

/** A merchant (through the operator API), a product and a 25.00 USD price (through the official SDK), and sessions to retrieve. */
export async function createFixtures(baseUrl: string, operatorKey: string, sessionCount: number): Promise<Fixtures> {
  const res = await fetch(`${baseUrl}/operator/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Shop' }),
  });
  if (res.status !== 201) throw new Error(`Could not create the bench merchant: ${res.status} ${await res.text()}`);
  const { secret_key: secretKey } = (await res.json()) as { secret_key: string };
  const url = new URL(baseUrl);
  const stripe = new Stripe(secretKey, {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const product = await stripe.products.create({ name: 'Bench T-shirt' });
  const price = await stripe.prices.create({ product: product.id, unit_amount: 2500, currency: 'usd' });
  const sessionIds: string[] = [];
  // A few at a time: the sessions exist before the clock starts, so their speed does not matter.
  for (let i = 0; i < sessionCount; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, sessionCount - i) }, () =>
        stripe.checkout.sessions.create({
          line_items: [{ price: price.id, quantity: 1 }],
          mode: 'payment',
          success_url: 'https://example.com/ok',
        }),
      ),
    );
    sessionIds.push(...batch.map((s) => s.id));
  }
  return { secretKey, priceId: price.id, sessionIds };
}

/** Keeps a few non-2xx replies so a failing run says why. */
export class Failures {
  samples: string[] = [];
  record = (status: number, body: string) => {
    if (status >= 200 && status < 300) return;
    if (this.samples.length < 5) this.samples.push(`${status} ${body.slice(0, 300)}`);
  };
}

/**
 * One request per scenario. `idempotency` gives every create its own
 * Idempotency-Key, as the official SDK does, so the key's claim/complete writes
 * are part of what is measured.
 */
export function scenarioRequest(name: ScenarioName, f: Fixtures, opts: { idempotency: boolean; failures: Failures }): Request {
  const auth = { authorization: `Bearer ${f.secretKey}` };
  if (name === 'healthz') return { method: 'GET', path: '/healthz', onResponse: opts.failures.record };
  if (name === 'page') {
    let next = 0;
    return {
      method: 'GET',
      path: `/c/${f.sessionIds[0]}`,
      headers: { 'accept-language': 'en' },
      setupRequest: (req) => ({ ...req, path: `/c/${f.sessionIds[next++ % f.sessionIds.length]}` }),
      onResponse: opts.failures.record,
    };
  }
  if (name === 'retrieve') {
    let next = 0;
    return {
      method: 'GET',
      path: `/v1/checkout/sessions/${f.sessionIds[0]}`,
      headers: auth,
      setupRequest: (req) => ({ ...req, path: `/v1/checkout/sessions/${f.sessionIds[next++ % f.sessionIds.length]}` }),
      onResponse: opts.failures.record,
    };
  }
  const prefix = `bench_${randomBytes(6).toString('hex')}_`;
  let n = 0;
  const create: Request = {
    method: 'POST',
    path: '/v1/checkout/sessions',
    headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: CREATE_BODY.replace('PRICE', f.priceId),
    onResponse: opts.failures.record,
  };
  // autocannon copies an undefined setupRequest over its default, so the key is set only when used.
  if (opts.idempotency) create.setupRequest = (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `${prefix}${n++}` } });
  return create;
}

export async function load(url: string, requests: Request[], connections: number, duration: number): Promise<Result> {
  return autocannon({ url, connections, duration, requests, timeout: 10 });
}

export function summarize(r: Result): Measured {
  return {
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p90_ms: r.latency.p90,
    p99_ms: r.latency.p99,
    requests: r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}
