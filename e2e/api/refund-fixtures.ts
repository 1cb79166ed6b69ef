import type Stripe from 'stripe';
import { expect } from 'vitest';
import { oneTimePrice } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { postPayForm } from './pay-without-javascript';
import { endpointOn, type Endpoint, type Receiver } from './webhook-fixtures';

// Shared by the refund API tests: a session paid on its page as a customer pays it, the charge behind a
// refund, and an endpoint for the refund events.

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

/** An endpoint of this merchant on the receiver for the refund events. */
export function refundEndpoint(stripe: Stripe, receiver: Receiver): Promise<Endpoint> {
  return endpointOn(stripe, receiver, ['refund.created', 'refund.updated', 'refund.failed', 'charge.refunded', 'charge.refund.updated']);
}
