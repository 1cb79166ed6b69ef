import type { Page } from '@playwright/test';
import { expectAxeClean } from './support/axe';
import { listedIds, subscribed } from './support/billing';
import { randomClientAddress } from './support/client-address';
import { expect, test } from './support/dashboard';
import { defined } from './support/defined';
import { newMerchant } from './support/merchant';

/** A confirmed action of the subscription's page: the first button, the question it asks (axe-checked), then the confirm button. */
async function confirmAction(page: Page, p: { form: string; review: string; question: string | RegExp; confirm: string }) {
  const form = page.getByTestId(p.form);
  await form.getByRole('button', { name: p.review }).click();
  await expect(form.getByTestId('confirm-step')).toContainText(p.question);
  await expectAxeClean(page);
  await form.getByRole('button', { name: p.confirm }).click();
}

test('the merchant opens Subscriptions and the new subscription, cancels it at period end (confirmed) → the API says so; takes it back → running again', async ({
  page,
  owner,
}) => {
  const { subscriptionId, invoiceId } = await subscribed(owner.stripe);
  const api = () => owner.stripe.subscriptions.retrieve(subscriptionId);

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Subscriptions' }).click();
  await expect(page).toHaveURL(/\/dashboard\/subscriptions$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
  await expect.poll(() => listedIds(page, 'subscription-link')).toEqual([subscriptionId]);
  const row = page.getByRole('row').filter({ has: page.getByTestId('subscription-link') });
  await expect(row).toContainText('€15.00 per month');
  await expect(row).toContainText('jenny@example.com');
  await expect(row).toContainText('Active');
  await expectAxeClean(page);

  await page.getByTestId('subscription-link').click();
  await expect(page).toHaveURL(`/dashboard/subscriptions/${subscriptionId}`);
  await expect(page.getByTestId('subscription-id')).toHaveText(subscriptionId);
  await expect(page.getByTestId('subscription-status')).toHaveText('Active');
  const summary = page.getByTestId('subscription-summary');
  await expect(summary).toContainText('€15.00 per month');
  await expect(summary).toContainText('Visa •••• 4242');
  await expect(page.getByRole('table', { name: 'Items of this subscription' })).toContainText('Pro plan');
  const invoices = page.getByRole('table', { name: 'Invoices of this subscription' });
  await expect(invoices.getByRole('row').filter({ has: page.locator(`a[href="/dashboard/invoices/${invoiceId}"]`) })).toContainText('Paid');
  await expect(page.getByTestId('subscription-events')).toContainText('customer.subscription.created');
  await expectAxeClean(page);

  await confirmAction(page, {
    form: 'cancel-at-period-end-form',
    review: 'Cancel at period end',
    question: /Cancel this subscription on .+ UTC, at the end of the current period\?/,
    confirm: 'Yes, cancel at period end',
  });
  await expect(page.getByTestId('cancel-scheduled')).toContainText('This subscription is set to cancel on');
  await expect.poll(async () => (await api()).cancel_at_period_end, { timeout: 30_000 }).toBe(true);
  const scheduled = await api();
  expect(scheduled).toMatchObject({ status: 'active', cancel_at: scheduled.items.data[0].current_period_end });
  await expect(page.getByTestId('subscription-events')).toContainText('customer.subscription.updated');

  await confirmAction(page, {
    form: 'undo-cancel-form',
    review: 'Don’t cancel',
    question: 'Keep this subscription running after',
    confirm: 'Yes, keep the subscription',
  });
  await expect(page.getByTestId('cancel-at-period-end-form')).toBeVisible();
  await expect.poll(async () => (await api()).cancel_at_period_end, { timeout: 30_000 }).toBe(false);
  expect((await api()).cancel_at).toBeNull();
});

test('the merchant cancels a subscription now (confirmed) → canceled in the API and on its page, listed under Canceled only', async ({
  page,
  owner,
}) => {
  const { subscriptionId } = await subscribed(owner.stripe);
  const api = () => owner.stripe.subscriptions.retrieve(subscriptionId);
  await page.goto(`/dashboard/subscriptions/${subscriptionId}`);
  await confirmAction(page, {
    form: 'cancel-now-form',
    review: 'Cancel now',
    question: 'Cancel this subscription now? This cannot be undone.',
    confirm: 'Yes, cancel now',
  });
  await expect(page.getByTestId('subscription-status')).toHaveText('Canceled');
  await expect(page.getByTestId('subscription-ended')).toHaveText('This subscription has ended.');
  await expect(page.getByTestId('cancel-now-form')).toHaveCount(0);
  await expect.poll(async () => (await api()).status, { timeout: 30_000 }).toBe('canceled');
  expect((await api()).cancellation_details).toMatchObject({ reason: 'cancellation_requested' });
  await expect(page.getByTestId('subscription-events')).toContainText('customer.subscription.deleted');
  await expectAxeClean(page);

  await page.goto('/dashboard/subscriptions?status=active');
  await expect(page.getByText('No subscriptions match this filter.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Filter subscriptions by status' }).getByRole('link', { name: 'Canceled' }).click();
  await expect(page).toHaveURL(/status=canceled/);
  await expect.poll(() => listedIds(page, 'subscription-link')).toEqual([subscriptionId]);
});

test('another account’s subscription → not found; the list never shows it', async ({ page, owner }) => {
  const mine = (await subscribed(owner.stripe)).subscriptionId;
  const theirs = (await subscribed((await newMerchant('Other Shop')).stripe)).subscriptionId;
  expect((await page.goto(`/dashboard/subscriptions/${mine}`))?.status()).toBe(200);
  expect((await page.goto(`/dashboard/subscriptions/${theirs}`))?.status()).toBe(404);
  await page.goto('/dashboard/subscriptions');
  await expect.poll(() => listedIds(page, 'subscription-link')).toEqual([mine]);
});

test('a French browser → the subscription’s page and its cancellation in French', async ({ page, owner, browser, baseURL }) => {
  const { subscriptionId } = await subscribed(owner.stripe);
  // The same signed-in user, in a browser that asks for French.
  const french = await browser.newContext({
    baseURL: defined(baseURL, 'baseURL'),
    locale: 'fr-FR',
    storageState: await page.context().storageState(),
    extraHTTPHeaders: { 'x-forwarded-for': randomClientAddress() },
  });
  const fr = await french.newPage();
  await fr.goto(`/dashboard/subscriptions/${subscriptionId}`);
  await expect(fr.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(fr.getByRole('heading', { level: 1, name: 'Abonnement' })).toBeVisible();
  await expect(fr.getByTestId('subscription-status')).toHaveText('Actif');
  await expect(fr.getByTestId('subscription-summary')).toContainText(/15,00\s€ par mois/);
  await fr.getByRole('button', { name: 'Annuler en fin de période' }).click();
  await expect(fr.getByTestId('confirm-step')).toContainText('à la fin de la période en cours ?');
  await expectAxeClean(fr);
  await fr.getByRole('button', { name: 'Oui, annuler en fin de période' }).click();
  await expect(fr.getByTestId('cancel-scheduled')).toContainText('Cet abonnement prendra fin le');
  await french.close();
});

test('the subscriptions list and a subscription’s page on a phone → fit the screen; tables scroll inside it', async ({ page, owner }) => {
  const { subscriptionId } = await subscribed(owner.stripe);
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/dashboard/subscriptions', `/dashboard/subscriptions/${subscriptionId}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
  const cancel = defined(await page.getByRole('button', { name: 'Cancel now' }).boundingBox(), 'the cancel button');
  expect(cancel.x + cancel.width).toBeLessThanOrEqual(375);
});
