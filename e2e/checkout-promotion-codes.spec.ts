import type Stripe from 'stripe';
import type { Page } from '@playwright/test';
import { applyPromotionCode, expectTotalDue, fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import type { Merchant } from './support/merchant';
import { defined } from './support/defined';

/** A promotion code for a 20%-off coupon, with whatever else the test needs. */
async function percentOffCode(merchant: Merchant, code: string, params: Partial<Stripe.PromotionCodeCreateParams> = {}) {
  const coupon = await merchant.stripe.coupons.create({ percent_off: 20, duration: 'once' });
  return merchant.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code, ...params });
}

const promotionError = (page: Page) => page.getByTestId('promotion-error');

test.describe('promotion codes', () => {
  test('applying a valid 20%-off code → it shows as applied with a discount row and a lower total', async ({
    page,
    merchant,
    createSession,
  }) => {
    await percentOffCode(merchant, 'SPRING20');
    const session = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(session.url, 'session.url'));
    await expectTotalDue(page, '€25.00');

    await applyPromotionCode(page, 'spring20');

    await expect(page.getByTestId('promotion-applied')).toContainText('SPRING20 applied');
    await expect(page.getByTestId('promotion-applied')).toContainText('20% off');
    await expect(page.getByTestId('total-discount')).toContainText('−€5.00');
    await expectTotalDue(page, '€20.00');
    await expect(page.getByRole('button', { name: 'Pay €20.00' })).toBeVisible();
    const updated = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(updated.amount_total).toBe(2000);
    expect(updated.total_details?.amount_discount).toBe(500);
  });

  test('applying a code nobody created → "This code is invalid." and the total unchanged', async ({ page, createSession }) => {
    const session = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(session.url, 'session.url'));
    await applyPromotionCode(page, 'NOSUCHCODE');

    await expect(promotionError(page)).toHaveText('This code is invalid.');
    await expect(page.getByLabel('Promotion code')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('total-discount')).toHaveCount(0);
    await expectTotalDue(page, '€25.00');
  });

  test('applying a code the merchant deactivated → "This code is no longer active."', async ({ page, merchant, createSession }) => {
    const promo = await percentOffCode(merchant, 'OLDCODE');
    await merchant.stripe.promotionCodes.update(promo.id, { active: false });
    const session = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(session.url, 'session.url'));
    await applyPromotionCode(page, 'OLDCODE');

    await expect(promotionError(page)).toHaveText('This code is no longer active.');
    await expectTotalDue(page, '€25.00');
  });

  test('applying a code, which the merchant then deactivates, and paying → "This code is no longer active." and nothing charged', async ({
    page,
    merchant,
    createSession,
  }) => {
    const promo = await percentOffCode(merchant, 'FLASH20');
    const session = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(session.url, 'session.url'));
    await applyPromotionCode(page, 'FLASH20');
    await expect(page.getByTestId('promotion-applied')).toBeVisible();
    await merchant.stripe.promotionCodes.update(promo.id, { active: false });

    await fillPaymentDetails(page);
    await page.getByRole('button', { name: 'Pay €20.00' }).click();

    await expect(page.getByTestId('payment-error')).toHaveText('This code is no longer active.');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  test('applying a code past its expires_at → "This code has expired."', async ({ page, merchant, createSession }) => {
    // The API only takes a future expires_at: give the code two seconds to live.
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    await percentOffCode(merchant, 'BRIEF20', { expires_at: expiresAt });
    const session = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(session.url, 'session.url'));
    // Not synchronisation with the page: the precondition is that the wall clock passes the code's expiry.
    const left = expiresAt * 1000 + 100 - Date.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));

    await applyPromotionCode(page, 'BRIEF20');

    await expect(promotionError(page)).toHaveText('This code has expired.');
    await expectTotalDue(page, '€25.00');
  });

  test('applying a single-use code someone already paid with → "This code has reached its usage limit."', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const promo = await percentOffCode(merchant, 'ONCE20', { max_redemptions: 1 });
    const first = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(first.url, 'first.url'));
    await applyPromotionCode(page, 'ONCE20');
    await expect(page.getByTestId('promotion-applied')).toBeVisible();
    await fillPaymentDetails(page, { email: 'first@example.com' });
    await page.getByRole('button', { name: 'Pay €20.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(first.id));
    expect((await merchant.stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);

    const second = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(second.url, 'second.url'));
    await applyPromotionCode(page, 'ONCE20');

    await expect(promotionError(page)).toHaveText('This code has reached its usage limit.');
    await expectTotalDue(page, '€25.00');
  });

  test('applying a code whose minimum the order does not reach → "Your order does not reach this code’s minimum amount."', async ({
    page,
    merchant,
    createSession,
  }) => {
    await percentOffCode(merchant, 'BIGSPEND', { restrictions: { minimum_amount: 5000, minimum_amount_currency: 'eur' } });
    const session = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(session.url, 'session.url'));
    await applyPromotionCode(page, 'BIGSPEND');

    await expect(promotionError(page)).toHaveText("Your order does not reach this code's minimum amount.");
    await expectTotalDue(page, '€25.00');
  });

  test('paying with a first-time-only code as an email that already paid → "This code is only for first-time customers." and the session stays open', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    await percentOffCode(merchant, 'WELCOME20', { restrictions: { first_time_transaction: true } });
    const earlier = await createSession();
    await page.goto(defined(earlier.url, 'earlier.url'));
    await fillPaymentDetails(page, { email: 'returning@example.com' });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(earlier.id));

    const session = await createSession({ allow_promotion_codes: true });
    await page.goto(defined(session.url, 'session.url'));
    // Who pays is unknown until the email is typed: the code applies, and is checked again at payment.
    await applyPromotionCode(page, 'WELCOME20');
    await expect(page.getByTestId('promotion-applied')).toBeVisible();
    await fillPaymentDetails(page, { email: 'Returning@example.com' });
    await page.getByRole('button', { name: 'Pay €20.00' }).click();

    await expect(page.getByTestId('payment-error')).toHaveText('This code is only for first-time customers.');
    const open = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(open.status).toBe('open');
    expect(open.payment_status).toBe('unpaid');
  });
});
