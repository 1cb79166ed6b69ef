import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { oneTimePrice } from './support/catalog';
import { expect, test } from './support/dashboard';
import { defined } from './support/defined';

// Receipts themselves (business details printed on them, the default language) are checked on the
// email outbox in e2e/api/dashboard-settings-receipts.test.ts: a browser cannot read the outbox.

/** A customer whose browser asks for Swahili, which Caisse does not ship. */
async function swahiliCustomer(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'sw', extraHTTPHeaders: { 'accept-language': 'sw-KE,sw;q=0.9' } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test("merchant sets German as the default language → an 'auto' session opened by a Swahili browser is in German", async ({
  page,
  owner,
  shop,
  browser,
}) => {
  const price = await oneTimePrice(owner.stripe, 2500, 'eur');
  const session = await owner.stripe.checkout.sessions.create({
    mode: 'payment',
    locale: 'auto',
    success_url: shop.successUrl,
    line_items: [{ price: price.id, quantity: 1 }],
  });

  const before = await swahiliCustomer(browser, defined(session.url, 'session.url'));
  await expect(before.locator('html')).toHaveAttribute('lang', 'en');
  await expect(before.getByTestId('pay-button')).toContainText('Pay');
  await before.context().close();

  await page.goto('/dashboard/settings');
  await page.getByLabel('Default checkout language').selectOption('de');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  const after = await swahiliCustomer(browser, defined(session.url, 'session.url'));
  await expect(after.locator('html')).toHaveAttribute('lang', 'de');
  await expect(after.getByTestId('pay-button')).toContainText('zahlen');
  await after.context().close();

  // A browser asking for a language Caisse ships still gets it.
  const french = await browser.newContext({ locale: 'fr-FR' });
  const frenchPage = await french.newPage();
  await frenchPage.goto(defined(session.url, 'session.url'));
  await expect(frenchPage.locator('html')).toHaveAttribute('lang', 'fr');
  await french.close();
});

test('merchant turns receipts on and fills in business details → they are kept and shown again', async ({ page, owner: _signedIn }) => {
  await page.goto('/dashboard/settings');
  const receipts = page.getByLabel('Email a receipt to every customer who pays');
  await expect(receipts).not.toBeChecked();
  await receipts.check();
  await page.getByLabel('Support email').fill('help@atelier.example');
  await page.getByLabel('Support phone').fill('+33 1 23 45 67 89');
  await page.getByLabel('Address', { exact: true }).fill('12 rue des Lilas');
  await page.getByLabel('City').fill('Lyon');
  await page.getByLabel('Postal code').fill('69002');
  await page.getByLabel('Country').selectOption('FR');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Email a receipt to every customer who pays')).toBeChecked();
  await expect(page.getByLabel('Support email')).toHaveValue('help@atelier.example');
  await expect(page.getByLabel('Support phone')).toHaveValue('+33 1 23 45 67 89');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('12 rue des Lilas');
  await expect(page.getByLabel('Country')).toHaveValue('FR');
});

test('merchant types a malformed support email → the field says what is wrong and nothing is saved', async ({ page, owner: _signedIn }) => {
  await page.goto('/dashboard/settings');
  await page.getByLabel('Support email').fill('not-an-email');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter an email address such as help@example.com.')).toBeVisible();
  await expect(page.getByLabel('Support email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Support email')).toHaveValue('');
});

test('opening the settings page → no serious or critical axe violations', async ({ page, owner: _signedIn }) => {
  await page.goto('/dashboard/settings');
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(serious).toEqual([]);
});

test('opening the settings page on a phone → nothing sticks out sideways', async ({ page, owner: _signedIn }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/dashboard/settings');
  const save = page.getByRole('button', { name: 'Save settings' });
  await expect(save).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const box = defined(await page.getByLabel('Country').boundingBox(), "the Country field's box");
  expect(box.x + box.width).toBeLessThanOrEqual(375);
});
