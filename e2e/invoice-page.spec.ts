import type { Page } from '@playwright/test';
import { expectAxeClean } from './support/axe';
import { CARDS, fillCard, untilInteractive } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { openInvoice } from './support/open-invoice';
import { pdfText } from '@/lib/billing/testing/pdf-text';

/** Claire types a card on the invoice's page and presses its pay button. */
async function pay(page: Page, card: string, button = 'Pay €18.00') {
  await untilInteractive(page);
  await fillCard(page, card, 'Claire Dubois');
  await page.getByRole('button', { name: button }).click();
}

test.describe('the hosted invoice page', () => {
  test('an open invoice → the merchant, its number, the line with its period, VAT, total, amount due and a card form; axe clean; its PDF parses', async ({
    page,
    request,
    merchant,
  }) => {
    const invoice = await openInvoice(merchant);
    await page.goto(invoice.url);
    await expect(page.getByRole('heading', { name: 'Invoice from Test Shop' })).toBeVisible();
    await expect(page.getByTestId('invoice-number')).toHaveText(`Invoice #${invoice.number}`);
    await expect(page.getByTestId('invoice-status')).toContainText('Open');
    await expect(page.getByTestId('invoice-headline')).toHaveText('€18.00 due');
    await expect(page.getByTestId('invoice-item')).toContainText('1 × Pro plan');
    await expect(page.getByTestId('invoice-item')).toContainText(/\w+ \d+, \d{4} – \w+ \d+, \d{4}/);
    await expect(page.getByTestId('invoice-total-row').filter({ hasText: 'VAT (20%)' })).toContainText('€3.00');
    await expect(page.getByTestId('invoice-due')).toContainText('€18.00');
    await expect(page.getByRole('button', { name: 'Pay €18.00' })).toBeVisible();
    await expectAxeClean(page);

    await expect(page.getByTestId('invoice-pdf-link')).toHaveAttribute('href', `${new URL(invoice.url).pathname}/pdf`);
    const pdf = await request.get(`${invoice.url}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toBe(`inline; filename="Invoice-${invoice.number}.pdf"`);
    const { text } = await pdfText(await pdf.body());
    expect(text).toContain(`Invoice #${invoice.number}`);
    expect(text).toContain('Test Shop');
    expect(text).toContain('Claire Dubois');
  });

  test('paying with 4242 → "Paid" with the date, no card form, a receipt link that opens; axe clean', async ({ page, merchant }) => {
    const invoice = await openInvoice(merchant);
    await page.goto(invoice.url);
    await pay(page, CARDS.visa);
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');
    await expect(page.getByTestId('invoice-headline')).toHaveText(/^Paid on \w+ \d+, \d{4}$/);
    await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
    await expect(page.getByTestId('invoice-due')).toContainText('€0.00');
    await expectAxeClean(page);
    await page.getByTestId('invoice-receipt-link').click();
    await expect(page.getByRole('heading', { name: 'Receipt from Test Shop' })).toBeVisible();
    await expect(page.getByText('Visa ending in 4242')).toBeVisible();
  });

  test('paying with a declined card → "Your card was declined.", the invoice still open, the name kept', async ({ page, merchant }) => {
    const invoice = await openInvoice(merchant);
    await page.goto(invoice.url);
    await pay(page, CARDS.declined);
    await expect(page.getByTestId('payment-error')).toHaveText('Your card was declined.');
    await expect(page.getByTestId('invoice-status')).toContainText('Open');
    await expect(page.getByLabel('Cardholder name')).toHaveValue('Claire Dubois');
  });

  test('paying with a 3-D Secure card → the challenge; completed → "Paid"', async ({ page, merchant }) => {
    const invoice = await openInvoice(merchant);
    await page.goto(invoice.url);
    await pay(page, CARDS.threeDSecure);
    await expect(page.getByRole('heading', { name: 'Authenticate your payment' })).toBeVisible();
    await expect(page.getByText('Amount: €18.00')).toBeVisible();
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Complete' }).click();
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');
  });

  test('a customer whose preferred language is French → the page in French; paid with 4242 → "Payée"; axe clean', async ({
    page,
    merchant,
  }) => {
    const invoice = await openInvoice(merchant, { preferredLocales: ['fr-FR'] });
    await page.goto(invoice.url);
    await expect(page.getByRole('heading', { name: 'Facture de Test Shop' })).toBeVisible();
    await expect(page.getByTestId('invoice-headline')).toHaveText('18,00\u00a0€ à payer');
    await expect(page.getByTestId('invoice-total-row').filter({ hasText: 'VAT' })).toContainText('3,00\u00a0€');
    await expectAxeClean(page);
    await untilInteractive(page);
    await page.getByLabel('Numéro de carte').fill(CARDS.visa);
    await page.getByLabel('Date d’expiration').fill('12 / 40');
    await page.getByLabel('CVC', { exact: true }).fill('123');
    await page.getByLabel('Nom du titulaire de la carte').fill('Claire Dubois');
    await page.getByRole('button', { name: 'Payer 18,00\u00a0€' }).click();
    await expect(page.getByTestId('invoice-status')).toContainText('Payée');
    await expectAxeClean(page);
  });

  test('a wrong signature → 404 and "Invoice not found", for the page and its PDF', async ({ page }) => {
    const response = await page.goto('/i/in_doesnotexist00000000/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Invoice not found' })).toBeVisible();
    expect((await page.request.get('/i/in_doesnotexist00000000/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/pdf')).status()).toBe(404);
    // A path Next cannot decode is no invoice either, not a server error.
    expect((await page.request.get('/i/%ff/AAAA')).status()).toBe(404);
  });

  test('the page is nobody’s to frame and runs only its own scripts (CSP with a nonce)', async ({ page, merchant }) => {
    const invoice = await openInvoice(merchant);
    const response = await page.goto(invoice.url);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
  });
});

test.describe('the hosted invoice page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('paying with 4242 as a plain form post → "Paid"', async ({ page, merchant }) => {
    const invoice = await openInvoice(merchant);
    await page.goto(invoice.url);
    await fillCard(page, CARDS.visa, 'Claire Dubois');
    await page.getByRole('button', { name: 'Pay €18.00' }).click();
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');
  });

  test('paying with a 3-D Secure card and answering its challenge, as plain form posts → "Paid"', async ({ page, merchant }) => {
    const invoice = await openInvoice(merchant);
    await page.goto(invoice.url);
    await fillCard(page, CARDS.threeDSecure, 'Claire Dubois');
    await page.getByRole('button', { name: 'Pay €18.00' }).click();
    await expect(page.getByRole('heading', { name: 'Authenticate your payment' })).toBeVisible();
    await page.getByRole('button', { name: 'Complete' }).click();
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');
  });
});
