import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('opening the checkout on a 375px-wide screen → summary above the form in one column, no horizontal scroll', async ({
    page,
    createSession,
  }) => {
    const session = await createSession({
      allow_promotion_codes: true,
      shipping_address_collection: { allowed_countries: ['US', 'FR'] },
      custom_fields: [{ key: 'engraving', label: { type: 'custom', custom: 'Engraving' }, type: 'text' }],
    });
    await page.goto(defined(session.url, 'session.url'));
    const summary = page.getByRole('region', { name: 'Order summary' });
    const form = page.locator('form').filter({ has: page.getByTestId('pay-button') });
    await expect(summary).toBeVisible();
    await expect(form).toBeVisible();

    const s = defined(await summary.boundingBox(), 'summary.boundingBox()');
    const f = defined(await form.boundingBox(), 'form.boundingBox()');
    expect(f.y).toBeGreaterThanOrEqual(s.y + s.height);
    // One column: both start at the same left edge and fit the screen.
    expect(Math.abs(f.x - s.x)).toBeLessThanOrEqual(1);
    expect(f.x + f.width).toBeLessThanOrEqual(375);
    expect(s.x + s.width).toBeLessThanOrEqual(375);

    const scrollWidth = await page.evaluate(() => {
      if (!document.scrollingElement) throw new Error('The document has no scrolling element');
      return document.scrollingElement.scrollWidth;
    });
    expect(scrollWidth).toBeLessThanOrEqual(375);
  });
});
