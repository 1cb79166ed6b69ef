import { fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('a checkout that cannot be paid', () => {
  test('opening a session the merchant expired → "This checkout has expired" and no pay form', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession();
    await merchant.stripe.checkout.sessions.expire(session.id);

    await page.goto(defined(session.url, 'session.url'));

    await expect(page.getByRole('heading', { name: 'This checkout has expired' })).toBeVisible();
    await expect(page.getByTestId('checkout-expired')).toBeVisible();
    await expect(page.getByTestId('pay-button')).toHaveCount(0);
  });

  test('opening /c/ with an id that does not exist → "Page not found" with HTTP 404', async ({ page }) => {
    const response = await page.goto('/c/cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ');

    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByTestId('checkout-not-found')).toBeVisible();
  });

  test('opening a session that was already paid → straight to the merchant’s success page', async ({ page, shop, createSession }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page);
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(session.id));

    await page.goto(defined(session.url, 'session.url'));
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
  });

  test('pressing "Back" → the merchant’s cart (cancel_url)', async ({ page, shop, createSession }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await page.getByRole('link', { name: 'Back to Test Shop' }).click();

    await expect(page).toHaveURL(shop.cancelUrl);
    await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
  });
});
