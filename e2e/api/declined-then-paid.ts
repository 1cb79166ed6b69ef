import type Stripe from 'stripe';
import { expect } from 'vitest';
import { SUCCESS_URL } from '../support/catalog';
import { randomClientAddress } from '../support/client-address';
import { defined } from '../support/defined';
import { postPayForm } from './pay-without-javascript';

/** A €25.00 payment session for `productId`, paid on its page without JavaScript after one declined card: one charge of each outcome. */
export async function declinedThenPaid(stripe: Stripe, productId: string): Promise<Stripe.Checkout.Session> {
  const price = await stripe.prices.create({ product: productId, unit_amount: 2500, currency: 'eur' });
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
  });
  const url = defined(session.url, 'session.url');
  const headers = { 'x-forwarded-for': randomClientAddress() };
  expect((await postPayForm(url, { card: '4000 0000 0000 0002', headers })).status).toBe(200);
  expect((await postPayForm(url, { headers })).status).toBe(303);
  return session;
}
