import { oneTimePrice } from './support/catalog';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('the page in the customer’s language', () => {
  test('opening a session with locale "fr" → the page in French: "Payer 25,00 €"', async ({ page, createSession }) => {
    const session = await createSession({ locale: 'fr' });
    const response = await page.goto(defined(session.url, 'session.url'));
    expect(response?.status()).toBe(200);

    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('button', { name: 'Payer 25,00 €' })).toBeVisible();
    await expect(page.getByTestId('total-due')).toContainText('25,00 €');
  });

  test('opening a session with locale "ja" and a JPY price → the page in Japanese with the amount in yen', async ({
    page,
    merchant,
    createSession,
  }) => {
    const price = await oneTimePrice(merchant.stripe, 500, 'jpy', 'Tenugui');
    const session = await createSession({ locale: 'ja', line_items: [{ price: price.id, quantity: 1 }] });
    const response = await page.goto(defined(session.url, 'session.url'));
    expect(response?.status()).toBe(200);

    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByTestId('total-due')).toContainText('￥500');
    await expect(page.getByTestId('pay-button')).toContainText('￥500');
    await expect(page.getByTestId('pay-button')).not.toContainText('Pay');
  });

  test.describe('with a German browser', () => {
    test.use({ locale: 'de-DE' });

    test('opening a session with locale auto → the page follows Accept-Language: German, "25,00 €"', async ({ page, createSession }) => {
      const session = await createSession({ locale: 'auto' });
      const response = await page.goto(defined(session.url, 'session.url'));
      expect(response?.status()).toBe(200);

      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page.getByTestId('total-due')).toContainText('25,00 €');
      await expect(page.getByTestId('pay-button')).toContainText('25,00 €');
      await expect(page.getByTestId('pay-button')).not.toContainText('Pay');
    });
  });
});
