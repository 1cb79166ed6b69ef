import type Stripe from 'stripe';
import { monthlyPrice, oneTimePrice, SUCCESS_URL } from './catalog';
import { defined } from './defined';
import { payOnPage } from './paid-session';

export type PaidSubscriptionSession = {
  /** The completed session, as the API shows it. */
  session: Stripe.Checkout.Session;
  subscriptionId: string;
  customerId: string;
  /** The subscription's first invoice (`subscription_create`). */
  invoiceId: string;
  /** 15.00 EUR a month, "Membership". */
  recurring: Stripe.Price;
  /** 25.00 EUR once, "Welcome kit", bought twice in the same cart; null when `oneTime` is false. */
  oneTime: Stripe.Price | null;
};

/**
 * A subscription as checkout starts one: a subscription-mode session (a monthly price, and unless
 * `oneTime` is false a one-time price in the same cart) paid on its page by card (4242… unless given).
 */
export async function paidSubscriptionSession(
  stripe: Stripe,
  p: { card?: string; oneTime?: boolean; subscriptionData?: Stripe.Checkout.SessionCreateParams.SubscriptionData } = {},
): Promise<PaidSubscriptionSession> {
  const recurring = await monthlyPrice(stripe, 1500, 'eur', 'Membership');
  const oneTime = p.oneTime === false ? null : await oneTimePrice(stripe, 2500, 'eur', 'Welcome kit');
  const created = await stripe.checkout.sessions.create({
    mode: 'subscription',
    line_items: [{ price: recurring.id, quantity: 1 }, ...(oneTime ? [{ price: oneTime.id, quantity: 2 }] : [])],
    success_url: SUCCESS_URL,
    ...(p.subscriptionData ? { subscription_data: p.subscriptionData } : {}),
  });
  const session = await payOnPage(stripe, created, { card: p.card });
  return {
    session,
    subscriptionId: defined(session.subscription as string | null, 'session.subscription'),
    customerId: defined(session.customer as string | null, 'session.customer'),
    invoiceId: defined(session.invoice as string | null, 'session.invoice'),
    recurring,
    oneTime,
  };
}
