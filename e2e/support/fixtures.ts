import { test as base, expect } from '@playwright/test';
import type Stripe from 'stripe';
import { oneTimePrice } from './catalog';
import { randomClientAddress } from './client-address';
import { newMerchant, type Merchant } from './merchant';
import { startMerchantSite, type MerchantSite } from './merchant-site';

export type SessionParams = Partial<Stripe.Checkout.SessionCreateParams>;

type TestFixtures = {
  /** A merchant account of this test's own, with the `stripe` SDK pointed at Caisse. */
  merchant: Merchant;
  /**
   * A payment session of `merchant` returning to `shop`. Without line_items it
   * sells one €25.00 T-shirt; any param given replaces the default.
   */
  createSession: (params?: SessionParams) => Promise<Stripe.Checkout.Session>;
};

type WorkerFixtures = {
  /** The merchant's website (stateless, so one per worker). */
  shop: MerchantSite;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  shop: [
    async ({}, use) => {
      const site = await startMerchantSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  // Each test is its own customer: it gets its own client address (see randomClientAddress).
  context: async ({ context, extraHTTPHeaders }, use) => {
    await context.setExtraHTTPHeaders({ ...extraHTTPHeaders, 'x-forwarded-for': randomClientAddress() });
    await use(context);
  },
  merchant: async ({}, use) => {
    await use(await newMerchant());
  },
  createSession: async ({ merchant, shop }, use) => {
    await use(async (params = {}) => {
      const line_items = params.line_items ?? [{ price: (await oneTimePrice(merchant.stripe, 2500, 'eur')).id, quantity: 1 }];
      return merchant.stripe.checkout.sessions.create({
        mode: 'payment',
        success_url: shop.successUrl,
        cancel_url: shop.cancelUrl,
        ...params,
        line_items,
      });
    });
  },
});

export { expect };
