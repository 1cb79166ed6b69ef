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

/** A hosted session selling one €25.00 item that asks for a shipping address in `countries`, with these options if any. */
export async function shippedSession(
  stripe: Stripe,
  countries: Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry[],
  shippingOptions?: Stripe.Checkout.SessionCreateParams.ShippingOption[],
) {
  const price = await oneTimePrice(stripe, 2500, 'eur');
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: SUCCESS_URL,
    shipping_address_collection: { allowed_countries: countries },
    ...(shippingOptions && { shipping_options: shippingOptions }),
  });
}
