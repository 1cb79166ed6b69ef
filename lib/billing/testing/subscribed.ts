// Test support only: a subscription bought through Checkout at an injected time, through the same functions as the page.
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { findSubscription } from '@/db/queries/subscriptions';
import { parseParams } from '@/lib/api/parse-params';
import { createPrice } from '@/lib/catalog/prices';
import { confirmPayment } from '@/lib/checkout/confirm-payment';
import { createSessionRow } from '@/lib/checkout/create-session';
import { newShop, payForm, type Shop } from '@/lib/checkout/testing/checkout-world';
import type { PaymentProcessor } from '@/lib/payments/processor';
import { testProcessor } from '@/lib/payments/test-processor';
import { present } from '@/lib/util/present';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { createPriceSchema } from '@/lib/validation/prices';

export const BILLING_CARDS = {
  ok: '4242424242424242',
  /** Saves fine (a trial), every charge declined. */
  attachOnly: '4000000000000341',
} as const;

/**
 * A subscription of a new shop's (or of `shop`): a price of `unitAmount` (EUR) recurring as given, bought
 * through Checkout at `now` with `card` (and a one-time line too, when `oneTime` is set), `subscription_data`
 * and `discounts` as given.
 */
export async function subscribe(
  db: Db,
  p: {
    now: Date;
    card?: string;
    unitAmount?: number;
    recurring?: { interval: string; interval_count?: string };
    quantity?: number;
    oneTime?: boolean;
    subscriptionData?: Record<string, unknown>;
    discounts?: { coupon: string }[];
    shop?: Shop;
    /** One of the shop's customers, who buys this one too (else the checkout makes a new customer). */
    customer?: string;
    processor?: PaymentProcessor;
  },
): Promise<{ shop: Shop; subscriptionId: string; priceId: string; sessionId: string }> {
  const shop = p.shop ?? (await newShop(db));
  const scope = { accountId: shop.accountId };
  const product = (await db.query.prices.findFirst({ where: (pr, { eq }) => eq(pr.id, shop.priceId) }))?.productId;
  const price = await createPrice(
    db,
    scope,
    parseParams(createPriceSchema, {
      product: present(product, 'the shop’s product'),
      unit_amount: String(p.unitAmount ?? 900),
      currency: 'eur',
      recurring: p.recurring ?? { interval: 'month' },
    }),
  );
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'subscription',
    line_items: [{ price: price.id, quantity: String(p.quantity ?? 1) }, ...(p.oneTime ? [{ price: shop.priceId, quantity: '1' }] : [])],
    success_url: 'https://shop.example/ok',
    ...(p.subscriptionData ? { subscription_data: p.subscriptionData } : {}),
    ...(p.discounts ? { discounts: p.discounts } : {}),
    ...(p.customer ? { customer: p.customer } : {}),
  });
  const sessionId = (await createSessionRow(db, scope, params, p.now)).id;
  const result = await confirmPayment(db, {
    sessionId,
    form: payForm(p.card ?? BILLING_CARDS.ok),
    clientKey: `sub-${sessionId}`,
    processor: p.processor ?? testProcessor,
    now: p.now,
  });
  expect(result.state).toBe('complete');
  const session = await db.query.checkoutSessions.findFirst({ where: (s, { eq }) => eq(s.id, sessionId) });
  const subscriptionId = present(session?.subscriptionId, 'the session’s subscription');
  present(await findSubscription(db, { accountId: shop.accountId, id: subscriptionId }), 'the subscription row');
  return { shop, subscriptionId, priceId: price.id, sessionId };
}
