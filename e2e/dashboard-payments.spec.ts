import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './support/dashboard';
import { defined } from './support/defined';
import { newMerchant } from './support/merchant';
import { expectAxeClean } from './support/axe';
import { paidSession } from './support/paid-session';
import { listedCharges } from './support/payments';

/** The refund form, through its confirmation step: amount and reason, review, then the confirm button. */
async function refund(
  page: Page,
  p: { amount: string; reason: string; review: string; question: string | RegExp; confirm: string | RegExp },
) {
  const form = page.getByTestId('refund-form');
  await form.getByRole('textbox').fill(p.amount);
  await form.getByRole('combobox').selectOption({ label: p.reason });
  await form.getByRole('button', { name: p.review }).click();
  await expect(form.getByTestId('confirm-step')).toContainText(p.question);
  await expectAxeClean(page);
  await form.getByRole('button', { name: p.confirm }).click();
}

test('the merchant opens Payments, filters, refunds part of a payment through the confirmation step, then the rest → "Partially refunded", then "Refunded"', async ({
  page,
  owner,
}) => {
  const chargeId = (await paidSession(owner.stripe)).chargeId;
  const otherId = (await paidSession(owner.stripe)).chargeId;

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Payments' }).click();
  await expect(page).toHaveURL(/\/dashboard\/payments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await expect.poll(() => listedCharges(page)).toEqual([otherId, chargeId]);
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/dashboard/payments/${chargeId}"]`) });
  await expect(row).toContainText('€25.00');
  await expect(row).toContainText('Succeeded');
  await expect(row).toContainText('Visa •••• 4242');
  await expect(row).toContainText('jenny@example.com');
  await expectAxeClean(page);

  const filters = page.getByRole('navigation', { name: 'Filter payments by status' });
  await filters.getByRole('link', { name: 'Refunded', exact: true }).click();
  await expect(page).toHaveURL(/status=refunded/);
  await expect(page.getByText('No payments match this filter.')).toBeVisible();
  await filters.getByRole('link', { name: 'Succeeded' }).click();
  await expect.poll(() => listedCharges(page)).toEqual([otherId, chargeId]);

  await page.locator(`a[href="/dashboard/payments/${chargeId}"]`).click();
  await expect(page).toHaveURL(`/dashboard/payments/${chargeId}`);
  await expect(page.getByTestId('charge-id')).toHaveText(chargeId);
  await expect(page.getByTestId('payment-summary')).toContainText('Visa •••• 4242');
  await expect(page.getByText('No refunds yet.')).toBeVisible();
  await expectAxeClean(page);

  await refund(page, {
    amount: '10',
    reason: 'Requested by the customer',
    review: 'Review refund',
    question: 'Refund €10.00 to Visa •••• 4242?',
    confirm: 'Refund €10.00',
  });
  const refunds = page.getByRole('table', { name: 'Refunds of this payment' });
  await expect(refunds.getByRole('row').filter({ hasText: '€10.00' })).toContainText('Requested by the customer');
  await expect(page.getByTestId('payment-status')).toHaveText('Partially refunded');
  await expect(page.getByTestId('refund-form').getByRole('textbox')).toHaveValue('15.00');
  await expectAxeClean(page);

  await refund(page, {
    amount: '15.00',
    reason: 'Duplicate payment',
    review: 'Review refund',
    question: 'Refund €15.00 to Visa •••• 4242?',
    confirm: 'Refund €15.00',
  });
  await expect(page.getByTestId('payment-status')).toHaveText('Refunded');
  await expect(refunds.getByRole('row')).toHaveCount(3); // the header and two refunds
  await expect(page.getByTestId('refund-note')).toHaveText('This payment has been refunded in full.');
  await expect(page.getByTestId('refund-form')).toHaveCount(0);

  await page.goto('/dashboard/payments?status=refunded');
  await expect.poll(() => listedCharges(page)).toEqual([chargeId]);
  await page.goto('/dashboard/payments?status=partially_refunded');
  await expect(page.getByText('No payments match this filter.')).toBeVisible();
});

test('in French: "Rembourser 10,00 € sur Visa •••• 4242 ?", then "Partiellement remboursé" and "Remboursé"', async ({
  page,
  owner,
  baseURL,
}) => {
  const chargeId = (await paidSession(owner.stripe)).chargeId;
  await page.context().addCookies([{ name: 'caisse_dashboard_locale', value: 'fr', url: defined(baseURL, 'baseURL') }]);

  await page.goto('/dashboard/payments');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Paiements' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Visa •••• 4242' })).toContainText('Réussi');
  await expectAxeClean(page);
  await page.getByTestId('payment-link').click();
  await expect(page).toHaveURL(`/dashboard/payments/${chargeId}`);
  await expectAxeClean(page);

  // French money: a comma, and a narrow no-break space before the euro sign.
  await refund(page, {
    amount: '10,00',
    reason: 'Demandé par le client',
    review: 'Vérifier le remboursement',
    question: /Rembourser 10,00\s€ sur Visa •••• 4242\s\?/,
    confirm: /^Rembourser 10,00\s€$/,
  });
  await expect(page.getByTestId('payment-status')).toHaveText('Partiellement remboursé');
  await expect(page.getByRole('table', { name: 'Remboursements de ce paiement' })).toContainText('Demandé par le client');
  await expectAxeClean(page);

  await refund(page, {
    amount: '15',
    reason: 'Frauduleux',
    review: 'Vérifier le remboursement',
    question: /Rembourser 15,00\s€ sur Visa •••• 4242\s\?/,
    confirm: /^Rembourser 15,00\s€$/,
  });
  await expect(page.getByTestId('payment-status')).toHaveText('Remboursé');
  await expect(page.getByTestId('refund-note')).toHaveText('Ce paiement a été remboursé en totalité.');
  await expectAxeClean(page);
});

test('a refund the form would allow but the amount typed is too much → the field says so and nothing is refunded', async ({
  page,
  owner,
}) => {
  const chargeId = (await paidSession(owner.stripe)).chargeId;
  await page.goto(`/dashboard/payments/${chargeId}`);
  const form = page.getByTestId('refund-form');
  await form.getByRole('textbox').fill('25.01');
  await form.getByRole('combobox').selectOption({ label: 'Fraudulent' });
  await form.getByRole('button', { name: 'Review refund' }).click();
  await expect(form.getByText('This is more than the payment allows.')).toBeVisible();
  await expect(form.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  expect((await owner.stripe.refunds.list({ charge: chargeId })).data).toEqual([]);
});

test('the session’s page shows its payment’s refunds and links to the payment', async ({ page, owner }) => {
  const { session, chargeId } = await paidSession(owner.stripe);
  await owner.stripe.refunds.create({ charge: chargeId, amount: 500, reason: 'requested_by_customer' });

  await page.goto(`/dashboard/sessions/${session.id}`);
  const payment = page.getByTestId('payment-details');
  await expect(payment).toContainText('Partially refunded');
  await expect(page.getByTestId('session-refunds')).toContainText('€5.00');
  await page.getByTestId('view-payment').click();
  await expect(page).toHaveURL(`/dashboard/payments/${chargeId}`);
  await page.getByTestId('payment-session-link').click();
  await expect(page).toHaveURL(`/dashboard/sessions/${session.id}`);
});

test('the customer’s receipt shows the refund, and the refund email is in the outbox', async ({ page, owner }) => {
  const email = `buyer-${randomBytes(5).toString('hex')}@example.com`;
  const { chargeId } = await paidSession(owner.stripe, { params: { payment_intent_data: { receipt_email: email } } });
  await page.goto(`/dashboard/payments/${chargeId}`);
  await refund(page, {
    amount: '10',
    reason: 'Requested by the customer',
    review: 'Review refund',
    question: 'Refund €10.00 to Visa •••• 4242?',
    confirm: 'Refund €10.00',
  });
  await expect(page.getByTestId('payment-status')).toHaveText('Partially refunded');

  const receipt = defined(await page.getByTestId('receipt-link').getAttribute('href'), 'the receipt link');
  await page.goto(receipt);
  await expect(page.locator('body')).toContainText('€10.00');
  await expect(page.locator('body')).toContainText(/refund/i);

  await page.goto('/dashboard/developers/emails');
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: email })
      .filter({ hasText: /refund/i }),
  ).toHaveCount(1);
});

test('another account’s payment → not found; the list never shows it', async ({ page, owner }) => {
  const mine = (await paidSession(owner.stripe)).chargeId;
  expect((await page.goto(`/dashboard/payments/${mine}`))?.status()).toBe(200);
  const theirs = (await paidSession((await newMerchant('Other Shop')).stripe)).chargeId;
  expect((await page.goto(`/dashboard/payments/${theirs}`))?.status()).toBe(404);
  await page.goto('/dashboard/payments');
  await expect.poll(() => listedCharges(page)).toEqual([mine]);
});
