import type Stripe from 'stripe';
import { applyPromotionCode, CARDS, expectTotalDue, fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('payments that race the session', () => {
  test('completing the 3-D Secure challenge after the merchant expired the checkout → "This checkout has expired", and nothing is charged', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { card: CARDS.threeDSecure });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(`${session.url}/authenticate`);

    // While the customer reads the challenge, the merchant expires the session.
    await merchant.stripe.checkout.sessions.expire(session.id);
    await page.getByRole('button', { name: 'Complete' }).click();

    await expect(page.getByTestId('checkout-expired')).toContainText('This checkout has expired');
    const expired = await merchant.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(expired.status).toBe('expired');
    expect(expired.payment_status).toBe('unpaid');
    const intent = expired.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe('canceled');
    expect(intent.amount_received).toBe(0);
    const completed = await merchant.stripe.events.list({ type: 'checkout.session.completed' });
    expect(completed.data).toEqual([]);
  });

  test('two customers pay at once with a single-use code → one pays with it; the other is told it ran out, sees the full price and pays that', async ({
    browser,
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const coupon = await merchant.stripe.coupons.create({ percent_off: 20, duration: 'once' });
    const promo = await merchant.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'LASTONE',
      max_redemptions: 1,
    });
    const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '10.200.0.2' } });
    const customers = [
      { page, session: await createSession({ allow_promotion_codes: true }), email: 'first@example.com' },
      { page: await other.newPage(), session: await createSession({ allow_promotion_codes: true }), email: 'second@example.com' },
    ];
    for (const c of customers) {
      await c.page.goto(defined(c.session.url, 'c.session.url'));
      await applyPromotionCode(c.page, 'LASTONE');
      await expectTotalDue(c.page, '€20.00');
      await fillPaymentDetails(c.page, { email: c.email });
    }

    await Promise.all(customers.map((c) => c.page.getByRole('button', { name: 'Pay €20.00' }).click()));

    // One lands on the merchant's success page, the other stays with the message and the full price.
    const paidWithCode = async (c: (typeof customers)[number]) =>
      (await merchant.stripe.checkout.sessions.retrieve(c.session.id)).status === 'complete';
    await expect.poll(async () => (await Promise.all(customers.map(paidWithCode))).filter(Boolean).length, { timeout: 30_000 }).toBe(1);
    const winner = (await paidWithCode(customers[0])) ? customers[0] : customers[1];
    const loser = winner === customers[0] ? customers[1] : customers[0];
    await expect(winner.page).toHaveURL(shop.successUrlFor(winner.session.id));
    await expect(loser.page.getByTestId('payment-error')).toHaveText(
      'This code has just reached its usage limit, so it was removed from your order. Check the new total, then pay again.',
    );
    await expectTotalDue(loser.page, '€25.00');

    await loser.page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(loser.page).toHaveURL(shop.successUrlFor(loser.session.id));
    expect((await merchant.stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
    expect((await merchant.stripe.checkout.sessions.retrieve(winner.session.id)).amount_total).toBe(2000);
    expect((await merchant.stripe.checkout.sessions.retrieve(loser.session.id)).amount_total).toBe(2500);
    await other.close();
  });
});
