import type Stripe from 'stripe';
import { completeChallenge, postPayForm } from '../api/pay-without-javascript';
import { oneTimePrice, SUCCESS_URL } from './catalog';
import { randomClientAddress } from './client-address';
import { defined } from './defined';

// The one factory of a paid session for the API and browser tests: a session made through the SDK and
// paid on its hosted page as a browser without JavaScript pays it (e2e/api/pay-without-javascript.ts).

/** The test processor's cards whose payments have a sequel (lib/payments/test-processor.ts), and an IBAN its test bank debits. */
export const CARD_REFUND_FAILS = '4000 0000 0000 5126';
export const DISPUTED_CARD = '4000 0000 0000 0259';
export const IBAN_SUCCEEDS = 'DE89 3704 0044 0532 0130 00';

export type PaidSession = {
  /** The session as the API shows it once paid. */
  session: Stripe.Checkout.Session;
  paymentIntentId: string;
  chargeId: string;
  amount: number;
};

export type PaidSessionOptions = {
  /** One line of `quantity` (1) × `unitAmount` (2500) in `currency` (eur) of a product named `product` (T-shirt). */
  unitAmount?: number;
  quantity?: number;
  currency?: string;
  product?: string;
  /** The session's other parameters (payment_intent_data, customer_creation, locale…). */
  params?: Partial<Stripe.Checkout.SessionCreateParams>;
  /** A test card (4242… unless given; a 3-D Secure challenge is answered), or a SEPA IBAN instead. */
  card?: string;
  sepaIban?: string;
};

/**
 * Pays a session made through the SDK on its hosted page, as a customer of their own client address
 * (per-client card limits are not shared with other tests), answering a 3-D Secure challenge. Throws
 * unless the session completes; returns it as the API then shows it.
 */
export async function payOnPage(
  stripe: Stripe,
  created: Stripe.Checkout.Session,
  p: Pick<PaidSessionOptions, 'card' | 'sepaIban'> = {},
): Promise<Stripe.Checkout.Session> {
  const url = defined(created.url, 'session.url');
  const headers = { 'x-forwarded-for': randomClientAddress() };
  const paid = await postPayForm(url, { card: p.card, sepaIban: p.sepaIban, headers });
  if (paid.status !== 303) throw new Error(`Paying ${created.id} answered ${paid.status}`);
  if (paid.location?.includes('/authenticate')) await completeChallenge(url, 'complete', headers);
  const session = await stripe.checkout.sessions.retrieve(created.id);
  if (session.status !== 'complete') throw new Error(`${created.id} is ${session.status} after paying`);
  return session;
}

/**
 * A session paid on its page (payOnPage). A manual-capture session completes with its intent in
 * requires_capture, a SEPA one with its debit pending.
 */
export async function paidSession(stripe: Stripe, p: PaidSessionOptions = {}): Promise<PaidSession> {
  const price = await oneTimePrice(stripe, p.unitAmount ?? 2500, p.currency ?? 'eur', p.product);
  const created = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: p.quantity ?? 1 }],
    success_url: SUCCESS_URL,
    // Still accepted by the API (Stripe's too), though gone from the SDK's create params.
    ...(p.sepaIban ? { payment_method_types: ['card', 'sepa_debit'] } : {}),
    ...p.params,
  });
  const session = await payOnPage(stripe, created, p);
  const paymentIntentId = defined(session.payment_intent as string | null, 'session.payment_intent');
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  return {
    session,
    paymentIntentId,
    chargeId: defined(intent.latest_charge as string | null, 'intent.latest_charge'),
    amount: intent.amount,
  };
}

export type PaidSubscription = {
  session: Stripe.Checkout.Session;
  subscriptionId: string;
  customerId: string;
  invoiceId: string;
  priceId: string;
};

/**
 * A subscription bought through a subscription-mode session paid on its page (payOnPage): a price of
 * `unitAmount` (900) EUR recurring as given (monthly), `quantity` (1), and a one-time line of
 * `oneTimeAmount` when given. With a trial, a card that only saves (4000 0000 0000 0341) still completes
 * the session.
 */
export async function paidSubscription(
  stripe: Stripe,
  p: {
    unitAmount?: number;
    quantity?: number;
    recurring?: Stripe.PriceCreateParams.Recurring;
    oneTimeAmount?: number;
    card?: string;
    params?: Partial<Stripe.Checkout.SessionCreateParams>;
  } = {},
): Promise<PaidSubscription> {
  const product = await stripe.products.create({ name: 'Pro plan' });
  const price = await stripe.prices.create({
    product: product.id,
    unit_amount: p.unitAmount ?? 900,
    currency: 'eur',
    recurring: p.recurring ?? { interval: 'month' },
  });
  const oneTime = p.oneTimeAmount === undefined ? null : await oneTimePrice(stripe, p.oneTimeAmount, 'eur', 'Setup fee');
  const created = await stripe.checkout.sessions.create({
    mode: 'subscription',
    line_items: [{ price: price.id, quantity: p.quantity ?? 1 }, ...(oneTime ? [{ price: oneTime.id, quantity: 1 }] : [])],
    success_url: SUCCESS_URL,
    ...p.params,
  });
  const session = await payOnPage(stripe, created, { card: p.card });
  return {
    session,
    subscriptionId: defined(session.subscription as string | null, 'session.subscription'),
    customerId: defined(session.customer as string | null, 'session.customer'),
    invoiceId: defined(session.invoice as string | null, 'session.invoice'),
    priceId: price.id,
  };
}
