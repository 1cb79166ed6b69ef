import type Stripe from 'stripe';
import { defined } from './defined';
import { paidSession } from './paid-session';

export type PaidSubscription = { subscription: string; customer: string; items: Stripe.SubscriptionItem[] };

/**
 * A subscription as a customer starts one: a subscription-mode session of these lines, paid on its hosted
 * page (paidSession, with `card` or 4242…), then its items as the API lists them, oldest first.
 */
export async function paidSubscription(
  stripe: Stripe,
  lines: { price: string; quantity?: number }[],
  p: { card?: string } = {},
): Promise<PaidSubscription> {
  const { session } = await paidSession(stripe, {
    card: p.card,
    params: { mode: 'subscription', line_items: lines.map((l) => ({ price: l.price, quantity: l.quantity ?? 1 })) },
  });
  const subscription = defined(session.subscription as string | null, 'session.subscription');
  const items = (await stripe.subscriptionItems.list({ subscription })).data.reverse();
  return { subscription, customer: defined(session.customer as string | null, 'session.customer'), items };
}
