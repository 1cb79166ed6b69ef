import { randomInt } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import type Stripe from 'stripe';
import { oneTimePrice } from './catalog';
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

/** A private address (10.x.y.z) for one client: one test's customer, or a test's other browser. */
export const randomClientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export const test = base.extend<TestFixtures, WorkerFixtures>({
  shop: [
    async ({}, use) => {
      const site = await startMerchantSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  // Each test is its own customer: it gets its own client address, as the proxy in
  // front of Caisse gives it (the test server trusts loopback as that proxy), so
  // per-client limits (card attempts, code guesses) count per test and not for the whole suite.
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
