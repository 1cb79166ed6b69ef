import AxeBuilder from '@axe-core/playwright';
import Stripe from 'stripe';
import type { Page } from '@playwright/test';
import { payWithoutJavaScript } from './api/pay-without-javascript';
import { startReceiver } from './api/webhook-fixtures';
import { oneTimePrice } from './support/catalog';
import { expect, test } from './support/dashboard';
import { stripeError, stripeFor } from './support/merchant';
import { defined } from './support/defined';

// As the dashboard lists a secret key: its first 12 characters and last 4.
const shownAs = (key: string) => `${key.slice(0, 12)}…${key.slice(-4)}`;

async function rollSecretKey(page: Page, key: string, expiry: 'Now' | 'In 1 hour'): Promise<string> {
  await page.goto('/dashboard/developers');
  await page.getByRole('button', { name: `Roll key ${shownAs(key)}` }).click();
  await page.getByLabel('The old key stops working').selectOption({ label: expiry });
  await page.getByRole('button', { name: 'Roll key', exact: true }).click();
  const revealed = page.getByTestId('revealed-secret');
  await expect(revealed).toHaveValue(/^sk_test_/);
  return revealed.inputValue();
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test('rolling the secret key with expiry "now" → the new key, shown once, works through the SDK and the old one is refused', async ({
  page,
  owner,
}) => {
  const newKey = await rollSecretKey(page, owner.secretKey, 'Now');
  expect(newKey).not.toBe(owner.secretKey);

  const product = await stripeFor(newKey).products.create({ name: 'Rolled Mug' });
  expect(product.id).toMatch(/^prod_/);
  const refused = await stripeError(owner.stripe.products.list());
  expect(refused.statusCode).toBe(401);
  expect(refused.type).toBe('StripeAuthenticationError');

  // Shown once: gone once dismissed, and nowhere on the page after a reload.
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByTestId('revealed-secret')).toHaveCount(0);
  await page.reload();
  const oldRow = page.getByRole('row').filter({ hasText: shownAs(owner.secretKey) });
  await expect(oldRow).toContainText('Expired');
  await expect(page.getByRole('row').filter({ hasText: shownAs(newKey) })).toContainText('Active');
  expect(await page.content()).not.toContain(newKey);
});

test('rolling the secret key with expiry "in 1 hour" → both the old and the new key work meanwhile', async ({ page, owner }) => {
  const newKey = await rollSecretKey(page, owner.secretKey, 'In 1 hour');

  await expect(owner.stripe.products.create({ name: 'Old key mug' })).resolves.toMatchObject({ object: 'product' });
  await expect(stripeFor(newKey).products.create({ name: 'New key mug' })).resolves.toMatchObject({ object: 'product' });
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: shownAs(owner.secretKey) })).toContainText('Expiring');
});

test('revoking the last active secret key → asks for confirmation; with a second key → revoked at once and refused', async ({
  page,
  owner,
}) => {
  await page.goto('/dashboard/developers');
  await expect(page.getByTestId('key-publishable')).toHaveText(owner.publishableKey);

  await page.getByRole('button', { name: `Revoke key ${shownAs(owner.secretKey)}` }).click();
  await page.getByRole('button', { name: 'Revoke key', exact: true }).click();
  await expect(page.getByText("This is the account's last active secret key")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revoke key', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(owner.stripe.products.list()).resolves.toMatchObject({ object: 'list' });

  await page.getByRole('button', { name: 'Create secret key' }).click();
  const second = await page.getByTestId('revealed-secret').inputValue();
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await page.getByRole('button', { name: `Revoke key ${shownAs(owner.secretKey)}` }).click();
  await page.getByRole('button', { name: 'Revoke key', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: shownAs(owner.secretKey) })).toContainText('Revoked');
  expect((await stripeError(owner.stripe.products.list())).statusCode).toBe(401);
  await expect(stripeFor(second).products.list()).resolves.toMatchObject({ object: 'list' });
});

test('a failing webhook resent once the receiver is back → the delivery shows succeeded and the receiver got a validly signed event', async ({
  page,
  owner,
}) => {
  // The receiver's first failures are retried on the worker's schedule (~5 s) before the resend.
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  try {
    let status = 500;
    await page.goto('/dashboard/developers/webhooks');
    await page.getByLabel('Endpoint URL').fill(receiver.url('/hook'));
    await page.getByLabel('Description').fill('Order fulfilment');
    await page.getByLabel('product.created').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page.getByTestId('revealed-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.route('/hook', secret, () => (status === 500 ? { status: 500, body: 'receiver down: boom' } : { status: 200, body: 'ok' }));

    const product = await owner.stripe.products.create({ name: 'Webhook Mug' });
    const [event] = (await owner.stripe.events.list({ type: 'product.created' })).data;
    expect(event.data.object).toMatchObject({ id: product.id });
    // The first failure is retried at once and the second after ~5 s; after the third the next try is minutes away.
    await receiver.until(() => receiver.hitsFor(event.id).length >= 3, 30_000);

    await page.goto('/dashboard/developers/webhooks');
    await expect(page.getByRole('row').filter({ hasText: 'Order fulfilment' })).toContainText('Failing since');
    await page.getByRole('link', { name: receiver.url('/hook') }).click();
    const row = page.getByRole('row').filter({ hasText: event.id });
    await expect(row).toContainText('Failed, retrying');
    await expect(row).toContainText('500');
    await row.getByRole('link', { name: 'product.created' }).click();

    await expect(page.getByTestId('last-status-code')).toHaveText('500');
    await expect(page.getByRole('row').filter({ hasText: 'receiver down: boom' }).first()).toContainText('500');
    await expect(page.getByTestId('request-body')).toContainText(`"id": "${event.id}"`);
    await expect(page.getByTestId('request-body')).toContainText(product.id);
    expect(await seriousViolations(page)).toEqual([]);

    status = 200;
    const before = receiver.hitsFor(event.id).length;
    await page.getByRole('button', { name: 'Resend' }).click();
    await expect(page.getByTestId('delivery-status')).toHaveText('Succeeded', { timeout: 20_000 });
    await expect(page.getByTestId('last-status-code')).toHaveText('200');

    const hits = receiver.hitsFor(event.id);
    expect(hits.length).toBeGreaterThan(before);
    const last = hits[hits.length - 1];
    const verified = new Stripe('sk_test_unused').webhooks.constructEvent(last.body, String(last.headers['stripe-signature']), secret);
    expect(verified).toMatchObject({ id: event.id, type: 'product.created' });

    // The event browser shows the event, its payload and its now successful delivery.
    await page.goto('/dashboard/developers/events');
    await page.getByLabel('Event type').selectOption('product.created');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/type=product\.created/);
    await page.getByRole('row').filter({ hasText: event.id }).getByRole('link', { name: 'product.created' }).click();
    await expect(page.getByTestId('event-payload')).toContainText(product.id);
    await expect(page.getByRole('row').filter({ hasText: receiver.url('/hook') })).toContainText('Succeeded');
  } finally {
    await receiver.close();
  }
});

test('adding, editing, disabling, rolling the secret of and deleting an endpoint → the API sees each change', async ({ page, owner }) => {
  await page.goto('/dashboard/developers/webhooks');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByText("Enter the endpoint's URL.")).toBeVisible();
  await expect(page.getByText('Choose at least one event.')).toBeVisible();

  await page.getByLabel('Endpoint URL').fill('https://shop.example/hooks');
  await page.getByLabel('All events (*)').check();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const firstSecret = await page.getByTestId('revealed-secret').inputValue();
  await page.getByRole('button', { name: 'Open the endpoint' }).click();
  await expect(page.getByTestId('endpoint-url')).toHaveText('https://shop.example/hooks');
  const id = defined(page.url().split('/').pop(), "page.url().split('/').pop()");
  expect(await owner.stripe.webhookEndpoints.retrieve(id)).toMatchObject({
    url: 'https://shop.example/hooks',
    enabled_events: ['*'],
    status: 'enabled',
  });

  await page.getByLabel('Description').fill('Fulfilment');
  await page.getByLabel('All events (*)').uncheck();
  await page.getByLabel('checkout.session.completed').check();
  await page.getByRole('button', { name: 'Save endpoint' }).click();
  await expect(page.getByText('Endpoint saved.')).toBeVisible();
  expect(await owner.stripe.webhookEndpoints.retrieve(id)).toMatchObject({
    description: 'Fulfilment',
    enabled_events: ['checkout.session.completed'],
  });

  await page.getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByTestId('endpoint-status')).toHaveText('Disabled');
  expect((await owner.stripe.webhookEndpoints.retrieve(id)).status).toBe('disabled');
  await page.getByRole('button', { name: 'Enable' }).click();
  await expect(page.getByTestId('endpoint-status')).toHaveText('Enabled');

  await page.getByLabel('The old signing secret stops signing').selectOption({ label: 'Now' });
  await page.getByRole('button', { name: 'Roll signing secret' }).click();
  await expect(page.getByTestId('revealed-secret')).toHaveValue(/^whsec_/);
  expect(await page.getByTestId('revealed-secret').inputValue()).not.toBe(firstSecret);

  await page.getByRole('button', { name: 'Delete endpoint…' }).click();
  await page.getByRole('button', { name: 'Delete endpoint', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/developers\/webhooks$/);
  await expect(page.getByText('No webhook endpoint yet.')).toBeVisible();
  expect((await stripeError(owner.stripe.webhookEndpoints.retrieve(id))).statusCode).toBe(404);
});

test('a paid session with a receipt email → its receipt is in the outbox and its HTML shows in a sandboxed frame', async ({
  page,
  owner,
}) => {
  const price = await oneTimePrice(owner.stripe, 2500, 'usd', 'Outbox Lamp');
  const session = await owner.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: 'https://shop.example/success',
    payment_intent_data: { receipt_email: 'accounts@buyer.example' },
  });
  expect((await payWithoutJavaScript(defined(session.url, 'session.url'))).status).toBe(303);

  await page.goto('/dashboard/developers/emails');
  const row = page.getByRole('row').filter({ hasText: 'accounts@buyer.example' });
  await expect(row).toContainText('Your receipt from');
  await row.getByRole('link').click();
  const frame = page.locator('iframe[sandbox=""]');
  await expect(frame).toHaveAttribute('srcdoc', /Outbox Lamp/);
  await expect(page.frameLocator('iframe[sandbox=""]').getByText('Outbox Lamp').first()).toBeVisible();
  await expect(frame).toHaveAttribute('title', 'HTML version');
  // axe hangs on a frame that may run no script: the rest of the page is checked without it.
  await frame.evaluate((el) => {
    el.remove();
  });
  expect(await seriousViolations(page)).toEqual([]);
});

test('a signed-in merchant opens the developers pages → no serious or critical axe violations', async ({ page, owner }) => {
  expect(owner.owner.email).toBeTruthy();
  for (const path of [
    '/dashboard/developers',
    '/dashboard/developers/webhooks',
    '/dashboard/developers/events',
    '/dashboard/developers/emails',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Developers' })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('opening API keys on a 375px-wide screen → the page does not scroll sideways and keys can be created', async ({ page, owner }) => {
    expect(owner.owner.email).toBeTruthy();
    await page.goto('/dashboard/developers');
    await expect(page.getByRole('button', { name: 'Create secret key' })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Create secret key' }).click();
    await expect(page.getByTestId('revealed-secret')).toBeInViewport();
  });
});
