import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type Stripe from 'stripe';
import { resolveTheme } from '../lib/branding/theme';
import { oneTimePrice } from './support/catalog';
import { expect, test } from './support/dashboard';
import type { MerchantSite } from './support/merchant-site';
import { solidPng } from './support/png';
import { defined } from './support/defined';

/** "#1e3a8a" → "rgb(30, 58, 138)", as getComputedStyle reports it. */
function rgb(hex: string): string {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `rgb(${n(1)}, ${n(3)}, ${n(5)})`;
}

async function openSession(stripe: Stripe, shop: MerchantSite): Promise<string> {
  const price = await oneTimePrice(stripe, 2500, 'eur');
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    success_url: shop.successUrl,
    cancel_url: shop.cancelUrl,
    line_items: [{ price: price.id, quantity: 1 }],
  });
  return defined(session.url, 'session.url');
}

/** The checkout's themed root (the element carrying the theme variables) and its pay button. */
const themeRoot = (scope: Page | ReturnType<Page['frameLocator']>): Locator => scope.locator('div:has(> main)').first();
const payButton = (scope: Page | ReturnType<Page['frameLocator']>): Locator => scope.locator('[data-testid="pay-button"]');

// Colours the checkout keeps as they are (enough contrast), so the page must show exactly these.
const BACKGROUND = '#fdf6e3';
const BUTTON = '#7c2d12';

test('merchant edits name and colours → the preview follows before saving, the real checkout only after', async ({
  page,
  owner,
  shop,
  context,
}) => {
  const theme = resolveTheme({ background_color: BACKGROUND, button_color: BUTTON });
  expect([theme.background, theme.button]).toEqual([BACKGROUND, BUTTON]);
  const checkoutUrl = await openSession(owner.stripe, shop);

  await page.goto('/dashboard/branding');
  await page.getByLabel('Display name').fill('Atelier Bleu');
  await page.getByLabel('Background color').fill(BACKGROUND);
  await page.getByLabel('Button color').fill(BUTTON);

  for (const frame of ['preview-desktop', 'preview-phone']) {
    const preview = page.frameLocator(`[data-testid="${frame}"]`);
    await expect(themeRoot(preview)).toHaveCSS('background-color', rgb(BACKGROUND));
    await expect(payButton(preview)).toHaveCSS('background-color', rgb(BUTTON));
    await expect(preview.locator('header')).toContainText('Atelier Bleu');
  }
  await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();

  // Not saved yet: customers still see the defaults and the account's own name.
  const customer = await context.newPage();
  await customer.goto(checkoutUrl);
  await expect(payButton(customer)).toBeVisible();
  await expect(themeRoot(customer)).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(customer.locator('header')).toContainText('Owner Shop');
  await expect(customer.locator('header')).not.toContainText('Atelier Bleu');

  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Saved. Your checkout page now shows this branding.')).toBeVisible();

  await customer.reload();
  await expect(themeRoot(customer)).toHaveCSS('background-color', rgb(BACKGROUND));
  await expect(payButton(customer)).toHaveCSS('background-color', rgb(BUTTON));
  await expect(customer.locator('header')).toContainText('Atelier Bleu');

  // The saved values are what the form starts from next time.
  await page.reload();
  await expect(page.getByLabel('Display name')).toHaveValue('Atelier Bleu');
  await expect(page.getByLabel('Background color')).toHaveValue(BACKGROUND);
});

test('merchant picks an unreadable button colour → preview and checkout both show the contrast-corrected colour', async ({
  page,
  owner,
  shop,
}) => {
  // A pale yellow button on white fails 3:1; the checkout darkens it, and the preview must show that, not the raw pick.
  const fixed = resolveTheme({ background_color: '#ffffff', button_color: '#fff3a0' }).button;
  expect(fixed).not.toBe('#fff3a0');
  const checkoutUrl = await openSession(owner.stripe, shop);

  await page.goto('/dashboard/branding');
  await page.getByLabel('Button color').fill('#fff3a0');
  await page.getByLabel('Pill').check();
  const preview = page.frameLocator('[data-testid="preview-desktop"]');
  await expect(payButton(preview)).toHaveCSS('background-color', rgb(fixed));
  await expect(payButton(preview)).toHaveCSS('border-radius', '9999px');

  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Saved. Your checkout page now shows this branding.')).toBeVisible();
  await page.goto(checkoutUrl);
  await expect(payButton(page)).toHaveCSS('background-color', rgb(fixed));
  await expect(payButton(page)).toHaveCSS('border-radius', '9999px');
});

test('merchant uploads a logo → it shows in the preview, then on the checkout page once saved', async ({ page, owner, shop, context }) => {
  const checkoutUrl = await openSession(owner.stripe, shop);
  await page.goto('/dashboard/branding');
  await page.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: solidPng(120, 40) });
  await expect(page.getByTestId('logoUrl-current')).toHaveAttribute('src', /\/files\/img_[A-Za-z0-9]{24}$/);
  const logoSrc = defined(
    await page.getByTestId('logoUrl-current').getAttribute('src'),
    "page.getByTestId('logoUrl-current').getAttribute('src')",
  );

  const preview = page.frameLocator('[data-testid="preview-phone"]');
  await expect(preview.locator('header img')).toHaveAttribute('src', logoSrc);

  const customer = await context.newPage();
  await customer.goto(checkoutUrl);
  await expect(payButton(customer)).toBeVisible();
  await expect(customer.locator('header img')).toHaveCount(0);

  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Saved. Your checkout page now shows this branding.')).toBeVisible();

  await customer.reload();
  const logo = customer.locator('header img');
  await expect(logo).toHaveAttribute('src', logoSrc);
  await expect(logo).toHaveAttribute('alt', 'Owner Shop');
  // Decoded, so the page's CSP let it load.
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
});

test('merchant uploads files Caisse cannot use → a readable error for each, nothing changes', async ({ page, owner: _signedIn }) => {
  await page.goto('/dashboard/branding');
  const logo = page.getByLabel('Logo');
  const error = page.locator('#logoUrl-error');

  await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture at all') });
  await expect(error).toHaveText('This file is not a PNG, JPEG, WebP or GIF image.');

  await logo.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(600 * 1024, 1) });
  await expect(error).toHaveText('This file is larger than 512 KB. Choose a smaller image.');

  await logo.setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: solidPng(8, 8) });
  await expect(error).toHaveText('This image is too small: it needs at least 16 pixels on each side.');

  await page.getByLabel('Icon').setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: solidPng(5000, 16) });
  await expect(page.locator('#iconUrl-error')).toHaveText('This image is too large: it can have at most 4096 pixels on each side.');

  await expect(page.getByTestId('logoUrl-current')).toHaveCount(0);
  await expect(logo).toHaveAttribute('aria-invalid', 'true');
});

test('opening the branding page → no serious or critical axe violations', async ({ page, owner: _signedIn }) => {
  await page.goto('/dashboard/branding');
  await expect(page.frameLocator('[data-testid="preview-desktop"]').locator('[data-testid="pay-button"]')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(serious).toEqual([]);
});

test('opening the branding page on a phone → the form fits the screen and the preview scrolls sideways inside it', async ({
  page,
  owner: _signedIn,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/dashboard/branding');
  await expect(page.getByRole('button', { name: 'Save branding' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const save = defined(await page.getByRole('button', { name: 'Save branding' }).boundingBox(), "the Save button's box");
  expect(save.x + save.width).toBeLessThanOrEqual(375);
});
