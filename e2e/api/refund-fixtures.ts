import type Stripe from 'stripe';
import { endpointOn, type Endpoint, type Receiver } from './webhook-fixtures';

// Shared by the refund API tests: the charge behind a refund, and an endpoint for the refund events.

/** The charge a refund is of, as the API shows it now (through the refund's expandable `charge`). */
export async function chargeOf(stripe: Stripe, refundId: string): Promise<Stripe.Charge> {
  const refund = await stripe.refunds.retrieve(refundId, { expand: ['charge'] });
  return refund.charge as Stripe.Charge;
}

/** An endpoint of this merchant on the receiver for the refund events. */
export function refundEndpoint(stripe: Stripe, receiver: Receiver): Promise<Endpoint> {
  return endpointOn(stripe, receiver, ['refund.created', 'refund.updated', 'refund.failed', 'charge.refunded', 'charge.refund.updated']);
}
