import type Stripe from 'stripe';
import { paidSubscription } from './paid-session';

// Shared by the billing portal configuration API tests (create, and the changes after it), and by the
// portal's plan switch tests (API and browser).

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

/**
 * A paid €9.00/month subscription (paidSubscription) whose portal offers its product's €19.00/month price
 * (`upgrade`) under `proration_behavior`; `unlisted` is an active monthly eur price of another product, not
 * offered. Returns the subscription, its one item and the prices.
 */
export async function switchableSubscription(stripe: Stripe, prorationBehavior: 'always_invoice' | 'create_prorations' = 'always_invoice') {
  const sub = await paidSubscription(stripe);
  const current = await stripe.prices.retrieve(sub.priceId);
  const product = typeof current.product === 'string' ? current.product : current.product.id;
  const upgrade = await stripe.prices.create({ product, currency: 'eur', unit_amount: 1900, recurring: { interval: 'month' } });
  const other = await stripe.products.create({ name: 'Other plan' });
  const unlisted = await stripe.prices.create({ product: other.id, currency: 'eur', unit_amount: 500, recurring: { interval: 'month' } });
  await stripe.billingPortal.configurations.create({
    features: {
      invoice_history: { enabled: true },
      subscription_update: {
        enabled: true,
        default_allowed_updates: ['price'],
        proration_behavior: prorationBehavior,
        products: [{ product, prices: [sub.priceId, upgrade.id] }],
      },
    },
  });
  const itemId = (await stripe.subscriptions.retrieve(sub.subscriptionId)).items.data[0].id;
  return { ...sub, itemId, product, upgrade: upgrade.id, unlisted: unlisted.id };
}

/** What `stripe.invoices.createPreview` answers for switching `itemId` to `price`, prorated at `prorationDate`. */
export async function previewSwitch(
  stripe: Stripe,
  p: {
    subscriptionId: string;
    itemId: string;
    price: string;
    prorationBehavior: 'always_invoice' | 'create_prorations';
    prorationDate: number;
  },
) {
  return stripe.invoices.createPreview({
    subscription: p.subscriptionId,
    subscription_details: {
      items: [{ id: p.itemId, price: p.price }],
      proration_behavior: p.prorationBehavior,
      proration_date: p.prorationDate,
    },
  });
}
