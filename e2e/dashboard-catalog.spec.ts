import { deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { monthlyPrice, oneTimePrice } from './support/catalog';
import { applyPromotionCode, expectTotalDue, untilInteractive } from './support/checkout-page';
import { expect, test } from './support/dashboard';
import { defined } from './support/defined';

/** A real PNG of the given size (solid colour), built here so the suite needs no fixture files. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7a)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function addPrice(page: Page, p: { amount: string; currency: string; recurring?: { count: string; interval: string } }) {
  if (p.recurring) await page.getByLabel('Type').selectOption('recurring');
  await page.getByLabel('Amount').fill(p.amount);
  await page.getByLabel('Currency').fill(p.currency);
  if (p.recurring) {
    await page.getByLabel('Every').fill(p.recurring.count);
    await page.getByLabel('Billing period').selectOption(p.recurring.interval);
  }
  await page.getByRole('button', { name: 'Add price' }).click();
  await expect(page.getByText('Price added.')).toBeVisible();
}

test('a merchant creates a product with an image, a one-time and a recurring price → listed, and the API has them in minor units', async ({
  page,
  owner,
}) => {
  // Many steps (an upload, a product, three prices, API checks) on a shared two-core machine.
  test.slow();
  await page.goto('/dashboard/catalog');
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByLabel('Name').fill('Linen apron');
  await page.getByLabel('Description').fill('Stonewashed linen, one size.');
  await page.getByLabel('Add an image').setInputFiles({ name: 'apron.png', mimeType: 'image/png', buffer: png(64, 48) });
  await expect(page.getByRole('img', { name: 'Product image 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page).toHaveURL(/\/dashboard\/catalog\/products\/prod_/);
  await expect(page.getByRole('heading', { name: 'Linen apron', level: 1 })).toBeVisible();
  const productId = defined(page.url().split('/').pop(), "page.url().split('/').pop()");

  await addPrice(page, { amount: '24.50', currency: 'eur' });
  await addPrice(page, { amount: '9', currency: 'eur', recurring: { count: '3', interval: 'month' } });
  await addPrice(page, { amount: '500', currency: 'jpy' });
  const amounts = page.getByTestId('price-amount');
  await expect(amounts).toHaveCount(3);
  await expect(amounts.filter({ hasText: '€24.50' })).toHaveCount(1);
  await expect(amounts.filter({ hasText: '€9.00 every 3 months' })).toHaveCount(1);
  await expect(amounts.filter({ hasText: '500' })).toHaveCount(1);

  const prices = await owner.stripe.prices.list({ product: productId });
  const byCurrency = Object.fromEntries(prices.data.map((p) => [`${p.currency}:${p.type}`, p]));
  expect(byCurrency['eur:one_time'].unit_amount).toBe(2450);
  expect(byCurrency['eur:recurring'].unit_amount).toBe(900);
  expect(byCurrency['eur:recurring'].recurring).toMatchObject({ interval: 'month', interval_count: 3 });
  expect(byCurrency['jpy:one_time'].unit_amount).toBe(500);

  const product = await owner.stripe.products.retrieve(productId);
  expect(product).toMatchObject({ name: 'Linen apron', description: 'Stonewashed linen, one size.', active: true });
  expect(product.images).toHaveLength(1);
  const image = await page.request.get(product.images[0]);
  expect(image.headers()['content-type']).toBe('image/png');

  await page.getByRole('link', { name: 'Products' }).click();
  await expect(page.getByRole('link', { name: 'Linen apron' })).toBeVisible();
});

test('a merchant renames a product, archives its price and then the product → the API shows each change', async ({ page, owner }) => {
  const price = await oneTimePrice(owner.stripe, 1200, 'eur', 'Tote bag');
  await page.goto(`/dashboard/catalog/products/${price.product as string}`);
  await page.getByLabel('Name', { exact: true }).fill('Canvas tote bag');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('Product saved.')).toBeVisible();
  expect((await owner.stripe.products.retrieve(price.product as string)).name).toBe('Canvas tote bag');

  const row = page.getByRole('row').filter({ hasText: '€12.00' });
  await row.getByRole('button', { name: 'Archive' }).click();
  await expect(row.getByText('Archived')).toBeVisible();
  expect((await owner.stripe.prices.retrieve(price.id)).active).toBe(false);

  await page.getByRole('button', { name: 'Archive product' }).click();
  await expect(page.getByRole('button', { name: 'Restore product' })).toBeVisible();
  expect((await owner.stripe.products.retrieve(price.product as string)).active).toBe(false);
});

test('uploading a file that is not an image, a tiny one or a huge one → a readable error and no image added', async ({
  page,
  owner: _signedIn,
}) => {
  await page.goto('/dashboard/catalog/products/new');
  const file = page.getByLabel('Add an image');
  await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('this is plain text, not a picture') });
  await expect(page.getByText('This file is not an image. Use a PNG, JPEG, WebP or GIF file.')).toBeVisible();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await file.setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png(8, 8) });
  await expect(page.getByText('This image is too small: it must be at least 16 × 16 pixels.')).toBeVisible();
  await file.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([png(64, 64), Buffer.alloc(600 * 1024)]) });
  await expect(page.getByText('This image is larger than 512 KB. Choose a smaller file.')).toBeVisible();
  await expect(page.getByRole('img', { name: /Product image/ })).toHaveCount(0);
});

test('a merchant creates a coupon and a promotion code → the code discounts a session made through the API, until deactivated', async ({
  page,
  owner,
  shop,
}) => {
  await page.goto('/dashboard/catalog/coupons');
  await page.getByLabel('Name').fill('Spring sale');
  await page.getByLabel('Percentage off').fill('20');
  await page.getByRole('button', { name: 'Create coupon' }).click();
  await expect(page.getByText(/Coupon \w+ created\./)).toBeVisible();
  await page.getByRole('link', { name: 'Spring sale' }).click();
  await expect(page.getByText('20% off · once')).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill('SPRING20');
  await page.getByRole('button', { name: 'Create promotion code' }).click();
  await expect(page.getByRole('cell', { name: 'SPRING20' })).toBeVisible();

  const price = await oneTimePrice(owner.stripe, 2500, 'eur');
  const session = await owner.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: shop.successUrl,
    allow_promotion_codes: true,
  });
  const customer = await page.context().newPage();
  await customer.goto(defined(session.url, 'session.url'));
  await untilInteractive(customer);
  await applyPromotionCode(customer, 'spring20');
  await expectTotalDue(customer, '€20.00');

  await page.getByRole('row').filter({ hasText: 'SPRING20' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'SPRING20' }).getByText('Inactive')).toBeVisible();
  const codes = await owner.stripe.promotionCodes.list({ code: 'SPRING20' });
  expect(codes.data.map((c) => c.active)).toEqual([false]);
});

test('a merchant creates a checkout session from the dashboard form → its URL is shown and opens the hosted page with the product and total', async ({
  page,
  owner,
  shop,
}) => {
  await oneTimePrice(owner.stripe, 1800, 'eur', 'Ceramic mug');
  await page.goto('/dashboard/catalog/new-session');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByText('Choose at least one price.')).toBeVisible();

  await page.getByLabel('Ceramic mug — €18.00', { exact: true }).check();
  await page.getByLabel('Quantity of Ceramic mug — €18.00').fill('2');
  await page.getByLabel('Success URL').fill(shop.successUrl);
  await page.getByLabel('Allow promotion codes').check();
  await page.getByRole('button', { name: 'Create session' }).click();

  const link = page.getByTestId('session-url');
  await expect(link).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  const sessionId = defined(await page.getByTestId('session-id').textContent(), "page.getByTestId('session-id').textContent()");
  const session = await owner.stripe.checkout.sessions.retrieve(sessionId);
  expect(session).toMatchObject({
    mode: 'payment',
    amount_total: 3600,
    currency: 'eur',
    allow_promotion_codes: true,
    url: await link.getAttribute('href'),
  });

  await page.goto(defined(await link.getAttribute('href'), "link.getAttribute('href')"));
  await expect(page.getByText('Ceramic mug').first()).toBeVisible();
  await expectTotalDue(page, '€36.00');
});

test('choosing a recurring price in the session form → a subscription session', async ({ page, owner, shop }) => {
  await monthlyPrice(owner.stripe, 1500, 'usd', 'Coffee club');
  await page.goto('/dashboard/catalog/new-session');
  await page.getByLabel('Coffee club — $15.00 per month', { exact: true }).check();
  await page.getByLabel('Success URL').fill(shop.successUrl);
  await page.getByRole('button', { name: 'Create session' }).click();
  const sessionId = defined(await page.getByTestId('session-id').textContent(), "page.getByTestId('session-id').textContent()");
  expect((await owner.stripe.checkout.sessions.retrieve(sessionId)).mode).toBe('subscription');
});

/** axe's serious and critical findings, in a shape that reads well in a failed assertion. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test('the product list, a product and the session form → no serious or critical axe violations', async ({ page, owner }) => {
  await oneTimePrice(owner.stripe, 900, 'eur', 'Enamel pin');
  await page.goto('/dashboard/catalog');
  await expect(page.getByRole('link', { name: 'Enamel pin' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Enamel pin' }).click();
  await expect(page.getByTestId('price-amount')).toHaveText('€9.00');
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/dashboard/catalog/new-session');
  await expect(page.getByLabel(`Enamel pin — €9.00`, { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the product list on a phone → fits the screen, the table scrolls inside it', async ({ page, owner }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await oneTimePrice(owner.stripe, 900, 'eur', 'Enamel pin');
  await page.goto('/dashboard/catalog');
  await expect(page.getByRole('link', { name: 'Enamel pin' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expect(page.getByRole('link', { name: 'New product' })).toBeInViewport();
});

test('a merchant creates a shipping rate and a tax rate, uses both in a session, then archives them → the API shows each', async ({
  page,
  owner,
  shop,
}) => {
  await oneTimePrice(owner.stripe, 1000, 'eur', 'Notebook');
  await page.goto('/dashboard/catalog/shipping-rates');
  await page.getByLabel('Name shown to customers').fill('Express');
  await page.getByLabel('Amount').fill('5');
  await page.getByLabel('Currency').fill('eur');
  await page.getByLabel('At least', { exact: true }).fill('1');
  await page.getByLabel('At most', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Create shipping rate' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Express' })).toContainText('1 business days – 2 business days');

  await page.getByRole('link', { name: 'Tax rates' }).click();
  await expect(page.getByRole('heading', { name: 'Tax rates', level: 1 })).toBeVisible();
  await page.getByLabel('Name shown to customers').fill('TVA');
  await page.getByLabel('Percentage').fill('20');
  await page.getByLabel('Country code (optional)').fill('FR');
  await page.getByRole('button', { name: 'Create tax rate' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'TVA' })).toContainText('20%');

  await page.getByRole('link', { name: 'Create checkout session' }).click();
  await expect(page.getByRole('heading', { name: 'Create checkout session', level: 1 })).toBeVisible();
  await page.getByLabel('Notebook — €10.00', { exact: true }).check();
  await page.getByLabel('Success URL').fill(shop.successUrl);
  await page.getByLabel('Collect a shipping address').check();
  await page.getByLabel('Countries to ship to').fill('FR, BE');
  await page.getByLabel('Shipping rate').selectOption({ label: 'Express — €5.00' });
  await page.getByLabel('Tax rate').selectOption({ label: 'TVA — 20%' });
  await page.getByRole('button', { name: 'Create session' }).click();
  const session = await owner.stripe.checkout.sessions.retrieve(
    defined(await page.getByTestId('session-id').textContent(), "page.getByTestId('session-id').textContent()"),
  );
  expect(session.shipping_address_collection?.allowed_countries).toEqual(['FR', 'BE']);
  expect(session.total_details).toMatchObject({ amount_shipping: 500, amount_tax: 200 });

  await page.getByRole('link', { name: 'Tax rates' }).click();
  await expect(page.getByRole('heading', { name: 'Tax rates', level: 1 })).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'TVA' }).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'TVA' })).toContainText('Archived');
  expect((await owner.stripe.taxRates.list({ active: false })).data.map((r) => r.display_name)).toEqual(['TVA']);
  await page.getByRole('link', { name: 'Shipping rates' }).click();
  await expect(page.getByRole('heading', { name: 'Shipping rates', level: 1 })).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'Express' }).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Express' })).toContainText('Archived');
  expect((await owner.stripe.shippingRates.list({ active: false })).data.map((r) => r.display_name)).toEqual(['Express']);
});
