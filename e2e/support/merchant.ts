import Stripe from 'stripe';
import { inject } from 'vitest';

export type Merchant = { id: string; secretKey: string; publishableKey: string; stripe: Stripe; baseUrl: string };

export function testServerUrl(): string {
  return process.env.CAISSE_TEST_URL ?? inject('caisseUrl');
}

function operatorKey(): string {
  return process.env.CAISSE_TEST_OPERATOR_KEY ?? inject('caisseOperatorKey');
}

/** The official SDK pointed at Caisse: only the host changes. */
export function stripeFor(secretKey: string): Stripe {
  const url = new URL(testServerUrl());
  return new Stripe(secretKey, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0, telemetry: false });
}

/** A new merchant account for one test: no fixtures are shared between tests. */
export async function newMerchant(name = 'Test Shop'): Promise<Merchant> {
  const res = await fetch(`${testServerUrl()}/operator/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operatorKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`Could not create a merchant: ${res.status} ${await res.text()}`);
  const a = (await res.json()) as { id: string; secret_key: string; publishable_key: string };
  return { id: a.id, secretKey: a.secret_key, publishableKey: a.publishable_key, stripe: stripeFor(a.secret_key), baseUrl: testServerUrl() };
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
