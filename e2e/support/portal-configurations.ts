import type Stripe from 'stripe';

// Shared by the billing portal configuration API tests (create, and the changes after it).

export type PortalConfigurationCreate = Stripe.BillingPortal.ConfigurationCreateParams;

/** The smallest configuration Stripe accepts: one feature on. */
export const minimalPortalConfiguration: PortalConfigurationCreate = { features: { invoice_history: { enabled: true } } };

/** Values the SDK's types forbid, sent on purpose. */
export const loosePortalConfiguration = (p: Record<string, unknown>) => p as unknown as PortalConfigurationCreate;

/** A product with a monthly and a yearly price, and a one-time price. */
export async function portalPlan(stripe: Stripe, name = 'Pro') {
  const product = await stripe.products.create({ name });
  const monthly = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 1000, recurring: { interval: 'month' } });
  const yearly = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 10000, recurring: { interval: 'year' } });
  const once = await stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 500 });
  return { product: product.id, monthly: monthly.id, yearly: yearly.id, once: once.id };
}

/** A subscription_update feature offering these products and prices. */
export const subscriptionUpdatesFor = (p: { product: string; prices: string[] }[]): PortalConfigurationCreate['features'] => ({
  subscription_update: { enabled: true, default_allowed_updates: ['price', 'quantity'], products: p },
});
