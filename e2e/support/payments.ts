import { expect, type Page } from '@playwright/test';
import type Stripe from 'stripe';
import { postPayForm } from '../api/pay-without-javascript';
import { oneTimePrice } from './catalog';
import { randomClientAddress } from './client-address';
import { defined } from './defined';
import type { MerchantSite } from './merchant-site';

// The payments dashboard's specs (e2e/dashboard-payments*.spec.ts): paid sessions, and the pages' forms.

/** A €25.00 T-shirt session of the signed-in owner's account. */
export async function ownerSession(stripe: Stripe, shop: MerchantSite, params: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const price = await oneTimePrice(stripe, 2500, 'eur');
  return stripe.checkout.sessions.create({
    mode: 'payment',
    success_url: shop.successUrl,
    cancel_url: shop.cancelUrl,
    line_items: [{ price: price.id, quantity: 1 }],
    ...params,
  });
}

/**
 * Pays the session as a browser without JavaScript does (the page's own form), from a client address of its
 * own (per-client card limits), and answers the charge it left.
 */
export async function paid(stripe: Stripe, session: Stripe.Checkout.Session, card = '4242 4242 4242 4242'): Promise<string> {
  const { status } = await postPayForm(defined(session.url, 'session.url'), {
    card,
    headers: { 'x-forwarded-for': randomClientAddress() },
  });
  expect(status).toBe(303);
  const intent = await intentOf(stripe, session);
  const charge = defined(intent.latest_charge, 'the intent’s latest charge');
  return typeof charge === 'string' ? charge : charge.id;
}

/** The session's payment intent, as the API has it now. */
export async function intentOf(stripe: Stripe, session: Stripe.Checkout.Session): Promise<Stripe.PaymentIntent> {
  const id = defined((await stripe.checkout.sessions.retrieve(session.id)).payment_intent, 'the session’s payment intent');
  return stripe.paymentIntents.retrieve(typeof id === 'string' ? id : id.id);
}

/** The charge ids a payments list page shows, in order (from the links to their pages). */
export async function listedCharges(page: Page): Promise<string[]> {
  const hrefs = await page.getByTestId('payment-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => defined(h.split('/').pop(), `a charge id in ${h}`));
}
