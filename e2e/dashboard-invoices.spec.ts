import { expectAxeClean } from './support/axe';
import { listedIds, subscribed } from './support/billing';
import { expect, test } from './support/dashboard';
import { defined } from './support/defined';
import { newMerchant } from './support/merchant';

test('the first invoice of a new subscription → listed paid; its page shows its lines, totals, payment and the customer’s copy', async ({
  page,
  owner,
}) => {
  const { subscriptionId, invoiceId, chargeId } = await subscribed(owner.stripe);

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page).toHaveURL(/\/dashboard\/invoices$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  await expect.poll(() => listedIds(page, 'invoice-link')).toEqual([invoiceId]);
  const row = page.getByRole('row').filter({ has: page.getByTestId('invoice-link') });
  await expect(row).toContainText('jenny@example.com');
  await expect(row).toContainText('€40.00');
  await expect(row).toContainText('Paid');
  await expectAxeClean(page);

  const filters = page.getByRole('navigation', { name: 'Filter invoices by status' });
  await filters.getByRole('link', { name: 'Open', exact: true }).click();
  await expect(page.getByText('No invoices match this filter.')).toBeVisible();
  await filters.getByRole('link', { name: 'Paid', exact: true }).click();
  await expect.poll(() => listedIds(page, 'invoice-link')).toEqual([invoiceId]);

  await page.getByTestId('invoice-link').click();
  await expect(page).toHaveURL(`/dashboard/invoices/${invoiceId}`);
  await expect(page.getByTestId('invoice-id')).toHaveText(invoiceId);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice [A-F0-9]{8}-0001$/);
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid');
  const lines = page.getByRole('table', { name: 'Lines of this invoice' });
  await expect(lines.getByRole('row').filter({ hasText: 'Pro plan' })).toContainText('€15.00');
  await expect(lines.getByRole('row').filter({ hasText: 'Setup fee' })).toContainText('€25.00');
  const totals = page.getByTestId('invoice-totals');
  await expect(totals).toContainText('Subtotal');
  await expect(totals).toContainText('Total€40.00');
  const summary = page.getByTestId('invoice-summary');
  await expect(summary).toContainText('Subscription started');
  await expect(summary).toContainText('€40.00');
  const payments = page.getByRole('table', { name: 'Payments of this invoice' });
  await expect(payments).toContainText('Succeeded');
  await expect(payments).toContainText('Visa •••• 4242');
  await expect(payments.getByRole('link', { name: 'View payment' })).toHaveAttribute('href', `/dashboard/payments/${chargeId}`);
  await expect(page.getByTestId('invoice-hosted-link')).toHaveAttribute('href', new RegExp(`/i/${invoiceId}/[A-Za-z0-9_-]+$`));
  await expect(page.getByTestId('invoice-pdf-link')).toHaveAttribute('href', new RegExp(`/i/${invoiceId}/[A-Za-z0-9_-]+/pdf$`));
  // Paid: nothing to void.
  await expect(page.getByTestId('void-invoice-form')).toHaveCount(0);
  await expectAxeClean(page);

  await page.getByTestId('invoice-subscription').click();
  await expect(page).toHaveURL(`/dashboard/subscriptions/${subscriptionId}`);
});

test('the merchant opens Customers → the buyer with their subscription, invoice and saved card', async ({ page, owner }) => {
  const { subscriptionId, invoiceId, customerId } = await subscribed(owner.stripe);

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page).toHaveURL(/\/dashboard\/customers$/);
  await expect.poll(() => listedIds(page, 'customer-link')).toEqual([customerId]);
  const row = page.getByRole('row').filter({ has: page.getByTestId('customer-link') });
  await expect(row).toContainText('jenny@example.com');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expectAxeClean(page);

  await page.getByTestId('customer-link').click();
  await expect(page).toHaveURL(`/dashboard/customers/${customerId}`);
  await expect(page.getByTestId('customer-id')).toHaveText(customerId);
  await expect(page.getByTestId('customer-summary')).toContainText('jenny@example.com');
  await expect(
    page.getByRole('table', { name: 'Subscriptions of this customer' }).locator(`a[href="/dashboard/subscriptions/${subscriptionId}"]`),
  ).toHaveText('€15.00 per month');
  await expect(
    page.getByRole('table', { name: 'Invoices of this customer' }).locator(`a[href="/dashboard/invoices/${invoiceId}"]`),
  ).toBeVisible();
  const methods = page.getByRole('table', { name: 'Payment methods saved for this customer' });
  await expect(methods).toContainText('Visa •••• 4242');
  await expect(methods).toContainText(/12\/20\d\d/);
  await expectAxeClean(page);
});

test('another account’s invoice and customer → not found; the lists never show them', async ({ page, owner }) => {
  const mine = await subscribed(owner.stripe);
  const theirs = await subscribed((await newMerchant('Other Shop')).stripe);
  for (const path of [`/dashboard/invoices/${mine.invoiceId}`, `/dashboard/customers/${mine.customerId}`])
    expect((await page.goto(path))?.status(), path).toBe(200);
  for (const path of [`/dashboard/invoices/${theirs.invoiceId}`, `/dashboard/customers/${theirs.customerId}`])
    expect((await page.goto(path))?.status(), path).toBe(404);
  await page.goto('/dashboard/invoices');
  await expect.poll(() => listedIds(page, 'invoice-link')).toEqual([mine.invoiceId]);
  await page.goto('/dashboard/customers');
  await expect.poll(() => listedIds(page, 'customer-link')).toEqual([mine.customerId]);
});

test('an invoice’s page on a phone → fits the screen; its tables scroll inside it', async ({ page, owner }) => {
  const { invoiceId } = await subscribed(owner.stripe);
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/dashboard/invoices', `/dashboard/invoices/${invoiceId}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
  const pdf = defined(await page.getByTestId('invoice-pdf-link').boundingBox(), 'the PDF link');
  expect(pdf.x + pdf.width).toBeLessThanOrEqual(375);
});
