import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { subscriptions } from '@/db/schema';
import { parseParams } from '@/lib/api/parse-params';
import { createPrice } from '@/lib/catalog/prices';
import { testProcessor } from '@/lib/payments/test-processor';
import { present } from '@/lib/util/present';
import { createPriceSchema } from '@/lib/validation/prices';
import { createCheckoutSessionSchema } from '@/lib/validation/checkout-sessions';
import { confirmPayment } from './confirm-payment';
import { createSessionRow } from './create-session';
import { useCheckoutDatabase } from './testing/checkout-db';
import { CARDS, newShop, payForm } from './testing/checkout-world';

const db = useCheckoutDatabase('caisse_subscription_periods');

/** A subscription session for a price recurring every `count` `interval`s, paid at `now`; the subscription it made. */
async function subscribeAt(now: Date, recurring: { interval: string; interval_count?: string }, subscriptionData?: Record<string, string>) {
  const shop = await newShop(db());
  const scope = { accountId: shop.accountId };
  const product = (await db().query.prices.findFirst({ where: (p, { eq: is }) => is(p.id, shop.priceId) }))?.productId;
  const price = await createPrice(
    db(),
    scope,
    parseParams(createPriceSchema, { product: present(product, 'the shop’s product'), unit_amount: '900', currency: 'eur', recurring }),
  );
  const params = parseParams(createCheckoutSessionSchema, {
    mode: 'subscription',
    line_items: [{ price: price.id, quantity: '1' }],
    success_url: 'https://shop.example/ok',
    ...(subscriptionData ? { subscription_data: subscriptionData } : {}),
  });
  const sessionId = (await createSessionRow(db(), scope, params, now)).id;
  const result = await confirmPayment(db(), {
    sessionId,
    form: payForm(CARDS.ok),
    clientKey: `sub-${sessionId}`,
    processor: testProcessor,
    now,
  });
  expect(result.state).toBe('complete');
  const rows = await db().select().from(subscriptions).where(eq(subscriptions.accountId, shop.accountId));
  return present(rows.at(0), 'the subscription');
}

describe('a subscription bought through Checkout counts its first period in calendar time', () => {
  it('monthly, paid on Jan 31 → its period ends on Feb 28 at the same time, anchored at the payment', async () => {
    const paidAt = new Date('2026-01-31T15:00:00Z');
    const sub = await subscribeAt(paidAt, { interval: 'month' });
    expect(sub).toMatchObject({ status: 'active', billingCycleAnchor: paidAt, currentPeriodStart: paidAt });
    expect(sub.currentPeriodEnd.toISOString()).toBe('2026-02-28T15:00:00.000Z');
  });

  it('yearly, paid on Feb 29 → its period ends on Feb 28 of the next year', async () => {
    const sub = await subscribeAt(new Date('2028-02-29T08:00:00Z'), { interval: 'year' });
    expect(sub.currentPeriodEnd.toISOString()).toBe('2029-02-28T08:00:00.000Z');
  });

  it('with a 14-day trial → the first period is the trial, and the cycle is anchored at its end', async () => {
    const paidAt = new Date('2026-03-01T00:00:00Z');
    const sub = await subscribeAt(paidAt, { interval: 'month', interval_count: '3' }, { trial_period_days: '14' });
    const trialEnd = new Date('2026-03-15T00:00:00Z');
    expect(sub).toMatchObject({
      status: 'trialing',
      trialStart: paidAt,
      trialEnd,
      currentPeriodEnd: trialEnd,
      billingCycleAnchor: trialEnd,
    });
  });
});
