import type Stripe from 'stripe';
import { defined } from './defined';
import { paidSubscription } from './paid-session';

export type Subscribed = { subscription: string; customer: string; items: Stripe.SubscriptionItem[] };

/**
 * A subscription to these prices, bought on a session's page (paidSubscription, with `card` or 4242…), with
 * its customer and its items as the API lists them, oldest first: what a test of item changes starts from.
 */
export async function subscribedTo(
  stripe: Stripe,
  lines: { price: string; quantity?: number }[],
  p: { card?: string } = {},
): Promise<Subscribed> {
  const { session, subscriptionId } = await paidSubscription(stripe, {
    card: p.card,
    params: { line_items: lines.map((l) => ({ price: l.price, quantity: l.quantity ?? 1 })) },
  });
  const items = (await stripe.subscriptionItems.list({ subscription: subscriptionId })).data.reverse();
  return { subscription: subscriptionId, customer: defined(session.customer as string | null, 'session.customer'), items };
}
