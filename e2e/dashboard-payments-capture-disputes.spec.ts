import { expect, test } from './support/dashboard';
import { expectAxeClean } from './support/axe';
import { DISPUTED_CARD, paidSession } from './support/paid-session';
import { listedCharges } from './support/payments';

// Payments that wait on the merchant: authorizations to capture or cancel, disputes to answer or accept.

test('a manual-capture payment → listed as uncaptured; the merchant captures it from the dashboard → succeeded', async ({
  page,
  owner,
}) => {
  const { chargeId, paymentIntentId } = await paidSession(owner.stripe, { params: { payment_intent_data: { capture_method: 'manual' } } });

  await page.goto('/dashboard/payments?status=uncaptured');
  await expect.poll(() => listedCharges(page)).toEqual([chargeId]);
  await expect(page.getByRole('row').filter({ hasText: 'Visa •••• 4242' })).toContainText('Uncaptured');
  await page.getByTestId('payment-link').click();
  await expect(page.getByTestId('payment-status')).toHaveText('Uncaptured');
  await expect(page.getByTestId('refund-form')).toHaveCount(0);
  await expectAxeClean(page);

  const form = page.getByTestId('capture-form');
  await expect(form.getByRole('textbox', { name: 'Amount to capture (EUR)' })).toHaveValue('25.00');
  await form.getByRole('button', { name: 'Review capture' }).click();
  await expect(form.getByTestId('confirm-step')).toContainText('Capture €25.00 from Visa •••• 4242?');
  await expectAxeClean(page);
  await form.getByRole('button', { name: 'Capture €25.00' }).click();

  await expect(page.getByTestId('payment-status')).toHaveText('Succeeded');
  await expect(page.getByTestId('capture-form')).toHaveCount(0);
  await expect(page.getByTestId('refund-form')).toBeVisible();
  const intent = await owner.stripe.paymentIntents.retrieve(paymentIntentId);
  expect(intent.status).toBe('succeeded');
  expect(intent.amount_received).toBe(2500);
});

test('a manual-capture payment canceled from the dashboard → its authorization is released, "Canceled"', async ({ page, owner }) => {
  const { chargeId, paymentIntentId } = await paidSession(owner.stripe, { params: { payment_intent_data: { capture_method: 'manual' } } });
  await page.goto(`/dashboard/payments/${chargeId}`);
  const form = page.getByTestId('cancel-payment-form');
  await form.getByRole('combobox', { name: 'Reason for canceling' }).selectOption({ label: 'Requested by the customer' });
  await form.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(form.getByTestId('confirm-step')).toContainText('Cancel this payment and release the €25.00 authorized on Visa •••• 4242?');
  await form.getByRole('button', { name: 'Yes, cancel the payment' }).click();
  await expect(page.getByTestId('payment-status')).toHaveText('Canceled');
  const intent = await owner.stripe.paymentIntents.retrieve(paymentIntentId);
  expect(intent.status).toBe('canceled');
  expect(intent.cancellation_reason).toBe('requested_by_customer');
});

test('a disputed payment → the merchant answers with text and an uploaded PDF; the bank decides for them', async ({ page, owner }) => {
  const chargeId = (await paidSession(owner.stripe, { card: DISPUTED_CARD })).chargeId;
  await page.goto(`/dashboard/payments/${chargeId}`);
  // The test processor opens the dispute a few seconds after the payment.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('dispute-details')).toContainText('Needs response', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('payment-status')).toHaveText('Disputed');
  await expect(page.getByTestId('refund-note')).toContainText('can no longer be refunded');
  await expectAxeClean(page);

  const form = page.getByTestId('evidence-form');
  await form.getByLabel('Product or service description').fill('A cotton T-shirt, delivered on time.');
  await form.getByLabel('Other information').fill('winning_evidence: the customer confirmed delivery by email.');
  const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
  await form.getByLabel('Customer communication (file)').setInputFiles({ name: 'emails.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(form.getByTestId('evidence-file')).toContainText('Uploaded: emails.pdf');
  await form.getByRole('button', { name: 'Review evidence' }).click();
  await expect(form.getByTestId('confirm-step')).toContainText('Submit this evidence to the bank?');
  await form.getByRole('button', { name: 'Submit evidence' }).click();

  await expect(page.getByTestId('dispute-details')).toContainText('Under review');
  await expect(page.getByTestId('dispute-evidence')).toContainText('A cotton T-shirt, delivered on time.');
  await expect(page.getByTestId('dispute-evidence')).toContainText(/file_/);
  await expect(page.getByTestId('evidence-form')).toHaveCount(0);
  await expectAxeClean(page);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('dispute-details')).toContainText('Won', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});

test('a disputed payment the merchant accepts → the dispute is lost, after a confirmation', async ({ page, owner }) => {
  const chargeId = (await paidSession(owner.stripe, { card: DISPUTED_CARD })).chargeId;
  await page.goto(`/dashboard/payments/${chargeId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('accept-dispute-form')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const form = page.getByTestId('accept-dispute-form');
  await form.getByRole('button', { name: 'Accept the dispute' }).click();
  await expect(form.getByTestId('confirm-step')).toContainText('Accept the dispute and give up €25.00?');
  await form.getByRole('button', { name: 'Yes, accept the dispute' }).click();
  await expect(page.getByTestId('dispute-details')).toContainText('Lost');
  await expect(page.getByTestId('accept-dispute-form')).toHaveCount(0);
});
