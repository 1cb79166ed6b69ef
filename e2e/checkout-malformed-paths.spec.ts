import { expect, test } from '@playwright/test';

// Percent-encodings that decode to no text: Next could not turn them into a route parameter and answered 500.
const MALFORMED = ['%ff', '%E0%A4%A', 'a%2'];

test.describe('a checkout or file link with a malformed percent-encoding', () => {
  for (const segment of MALFORMED) {
    for (const path of [`/c/${segment}`, `/c/${segment}/recover`, `/c/${segment}/authenticate`]) {
      test(`opening ${path} → 404 and the checkout's "Page not found" page, as for an unknown session`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        await expect(page.getByTestId('checkout-not-found')).toBeVisible();
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
        await expect(page.getByText('This checkout link is not valid. Check the link or contact the merchant.')).toBeVisible();
      });
    }

    test(`fetching /files/${segment} → the same 404 as an unknown image`, async ({ request }) => {
      const normal = await request.get('/files/img_000000000000000000000000');
      const malformed = await request.get(`/files/${segment}`);
      expect(normal.status()).toBe(404);
      expect(malformed.status()).toBe(404);
      expect(malformed.headers()['content-type']).toBe(normal.headers()['content-type']);
      expect(await malformed.text()).toBe(await normal.text());
    });
  }

  test('the unknown session it is compared with → the same page', async ({ page }) => {
    const response = await page.goto('/c/cs_test_doesnotexist');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('checkout-not-found')).toBeVisible();
  });
});
