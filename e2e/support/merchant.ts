import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export type DashboardLogin = { email: string; password: string };
export type Merchant = { id: string; secretKey: string; publishableKey: string; stripe: Stripe; baseUrl: string; owner?: DashboardLogin };

/**
 * The server under test, from the environment: `npm test` and the Playwright
 * global setup export it, the vitest API project copies it in (e2e/api/setup-env.ts).
 * No vitest import here: Playwright workers load this module too.
 */
function fromEnv(name: 'CAISSE_TEST_URL' | 'CAISSE_TEST_OPERATOR_KEY'): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the suites through npm test, vitest or playwright test, whose setup starts a server.`);
  return value;
}

export function testServerUrl(): string {
  return fromEnv('CAISSE_TEST_URL');
}

function operatorKey(): string {
  return fromEnv('CAISSE_TEST_OPERATOR_KEY');
}

/** The official SDK pointed at Caisse (the suite's server unless another is given): only the host changes. */
export function stripeFor(secretKey: string, baseUrl = testServerUrl()): Stripe {
  const url = new URL(baseUrl);
  return new Stripe(secretKey, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
}

export type MerchantOptions = { allowedEmbedOrigins?: string[]; allowedRedirectDomains?: string[]; withOwner?: boolean };

/** A new merchant account for one test: no fixtures are shared between tests. */
export async function newMerchant(name = 'Test Shop', options: MerchantOptions = {}): Promise<Merchant> {
  return newMerchantOn({ url: testServerUrl(), operatorKey: operatorKey() }, name, options);
}

/** The same on a server a test started itself (startTestServer). */
export async function newMerchantOn(
  server: { url: string; operatorKey: string },
  name = 'Test Shop',
  options: MerchantOptions = {},
): Promise<Merchant> {
  const owner = options.withOwner
    ? { email: `owner-${randomBytes(6).toString('hex')}@shop.test`, password: randomBytes(12).toString('base64url') }
    : undefined;
  const res = await fetch(`${server.url}/operator/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.operatorKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      ...(options.allowedEmbedOrigins && { allowed_embed_origins: options.allowedEmbedOrigins }),
      ...(options.allowedRedirectDomains && { allowed_redirect_domains: options.allowedRedirectDomains }),
      ...(owner && { owner }),
    }),
  });
  if (res.status !== 201) throw new Error(`Could not create a merchant: ${res.status} ${await res.text()}`);
  const a = (await res.json()) as { id: string; secret_key: string; publishable_key: string };
  return {
    id: a.id,
    secretKey: a.secret_key,
    publishableKey: a.publishable_key,
    stripe: stripeFor(a.secret_key, server.url),
    baseUrl: server.url,
    owner,
  };
}

/** A raw request, for what the SDK cannot send (bad encodings, huge bodies, other auth forms). */
export function rawRequest(path: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  const { key, headers, ...rest } = init;
  return fetch(`${testServerUrl()}${path}`, {
    ...rest,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(headers as Record<string, string>) },
  });
}

/** The Stripe-shaped error of a rejected SDK call. */
export async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
