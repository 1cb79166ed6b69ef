import { randomInt } from 'node:crypto';
import Stripe from 'stripe';
import { expect } from 'vitest';
import { oneTimePrice } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { postPayForm } from './pay-without-javascript';
import type { Receiver } from './webhook-fixtures';

// Shared by the refund API tests: a session paid on its page as a customer pays it, the charge behind a
// refund, and the events a merchant's endpoint received, each verified as Stripe's library verifies them.

export const CARD_REFUND_FAILS = '4000000000005126';
export const IBAN_SUCCEEDS = 'DE89370400440532013000';

export type Paid = { sessionId: string; paymentIntentId: string; chargeId: string; amount: number };

/** A session of `quantity` × `unitAmount` paid on its hosted page with a test card (4242… unless given) or a test IBAN. */
export async function paidSession(
  stripe: Stripe,
  p: { unitAmount?: number; quantity?: number; currency?: string; card?: string; sepaIban?: string } = {},
): Promise<Paid> {
  const price = await oneTimePrice(stripe, p.unitAmount ?? 2500, p.currency ?? (p.sepaIban ? 'eur' : 'usd'));
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: p.quantity ?? 1 }],
    success_url: 'https://shop.example/ok',
    // Still accepted by the API (Stripe's too), though gone from the SDK's create params.
    ...(p.sepaIban ? ({ payment_method_types: ['card', 'sepa_debit'] } as object) : {}),
  });
  // A customer of their own address: the per-client card limits are not shared with other tests.
  const headers = { 'x-forwarded-for': randomClientAddress() };
  await postPayForm(defined(session.url, 'session.url'), { card: p.card, sepaIban: p.sepaIban, headers });
  const done = await stripe.checkout.sessions.retrieve(session.id);
  expect(done.status).toBe('complete');
  const paymentIntentId = defined(done.payment_intent, 'session.payment_intent') as string;
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  return {
    sessionId: session.id,
    paymentIntentId,
    chargeId: defined(intent.latest_charge, 'intent.latest_charge') as string,
    amount: intent.amount,
  };
}

/** The charge a refund is of, as the API shows it now (through the refund's expandable `charge`). */
export async function chargeOf(stripe: Stripe, refundId: string): Promise<Stripe.Charge> {
  const refund = await stripe.refunds.retrieve(refundId, { expand: ['charge'] });
  return refund.charge as Stripe.Charge;
}

/** An endpoint of this merchant on the receiver, for the given events; returns its path and secret. */
export async function refundEndpoint(stripe: Stripe, receiver: Receiver): Promise<{ path: string; secret: string }> {
  const path = `/refund-hooks/${randomInt(1e9)}`;
  const endpoint = await stripe.webhookEndpoints.create({
    url: receiver.url(path),
    enabled_events: ['refund.created', 'refund.updated', 'refund.failed', 'charge.refunded', 'charge.refund.updated'],
  });
  const secret = defined(endpoint.secret, 'endpoint.secret');
  receiver.route(path, secret, () => ({ status: 200 }));
  return { path, secret };
}

const verifier = new Stripe('sk_test_verifier');

/** The events the endpoint received so far, each verified with stripe.webhooks.constructEvent, once each. */
export function receivedEvents(receiver: Receiver, endpoint: { path: string; secret: string }): Stripe.Event[] {
  const events = receiver.hits
    .filter((h) => h.path === endpoint.path)
    .map((h) => verifier.webhooks.constructEvent(h.body, String(h.headers['stripe-signature']), endpoint.secret));
  // A delivery retried counts once.
  return [...new Map(events.map((e) => [e.id, e])).values()];
}
