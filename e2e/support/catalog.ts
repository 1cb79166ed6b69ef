import type Stripe from 'stripe';

/** A product with a one-time price, the smallest thing a checkout sells. */
export async function oneTimePrice(stripe: Stripe, unitAmount = 2500, currency = 'usd', name = 'T-shirt') {
  const product = await stripe.products.create({ name });
  return stripe.prices.create({ product: product.id, unit_amount: unitAmount, currency });
}

export async function monthlyPrice(stripe: Stripe, unitAmount = 1500, currency = 'usd', name = 'Membership') {
  const product = await stripe.products.create({ name });
  return stripe.prices.create({ product: product.id, unit_amount: unitAmount, currency, recurring: { interval: 'month' } });
}

export const SUCCESS_URL = 'https://shop.example/success?session_id={CHECKOUT_SESSION_ID}';
export const CANCEL_URL = 'https://shop.example/cart';
