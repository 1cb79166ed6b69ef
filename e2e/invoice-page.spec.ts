import type { Page } from '@playwright/test';
import { expectAxeClean } from './support/axe';
import { CARDS, fillCard, untilInteractive } from './support/checkout-page';
import { defined } from './support/defined';
import { expect, test } from './support/fixtures';
import { startInvoiceServer, type SeededInvoice } from './support/invoice-server';
import { pdfText } from '@/lib/billing/testing/pdf-text';

// One server, whose database holds an open invoice for each test (e2e/support/invoice-server.ts); the tests of
// this file run one after the other in one worker, each on an invoice of its own.
test.describe.configure({ mode: 'default' });

type Invoices = { url: (n: number) => string; number: (n: number) => string };
let invoices: SeededInvoice[] = [];
let base = '';
let stop: () => Promise<void> = async () => {};

// Each test's invoice; French ones are the customers who subscribed on a French checkout.
const WANTED = [{}, {}, {}, {}, { locale: 'fr' }, {}, {}];
const at: Invoices = {
  url: (n) => `${base}${defined(invoices.at(n), `invoice ${n}`).path}`,
  number: (n) => defined(invoices.at(n), `invoice ${n}`).number,
};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const started = await startInvoiceServer(WANTED);
  invoices = started.invoices;
  base = started.server.url;
  stop = started.stop;
});

test.afterAll(async () => {
  await stop();
});

async function pay(page: Page, card: string, button = 'Pay €18.00') {
  await untilInteractive(page);
  await fillCard(page, card, 'Claire Dubois');
  await page.getByRole('button', { name: button }).click();
}

test.describe('the hosted invoice page', () => {
  test('an open invoice → the merchant, its number, lines with their period, VAT, total, amount due and a card form; axe clean; its PDF parses', async ({
    page,
    request,
  }) => {
    await page.goto(at.url(0));
    await expect(page.getByRole('heading', { name: 'Invoice from Maison Lumière' })).toBeVisible();
    await expect(page.getByTestId('invoice-number')).toHaveText(`Invoice #${at.number(0)}`);
    await expect(page.getByTestId('invoice-status')).toContainText('Open');
    await expect(page.getByTestId('invoice-headline')).toHaveText('€18.00 due');
    await expect(page.getByTestId('invoice-item')).toContainText('1 × Abonnement Lumière');
    await expect(page.getByTestId('invoice-item')).toContainText(/\w+ \d+, \d{4} – \w+ \d+, \d{4}/);
    await expect(page.getByTestId('invoice-total-row').filter({ hasText: 'VAT (20%)' })).toContainText('€3.00');
    await expect(page.getByTestId('invoice-due')).toContainText('€18.00');
    await expect(page.getByRole('button', { name: 'Pay €18.00' })).toBeVisible();
    await expectAxeClean(page);

    const pdf = await request.get(`${at.url(0)}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toBe(`inline; filename="Invoice-${at.number(0)}.pdf"`);
    const { text } = await pdfText(await pdf.body());
    expect(text).toContain(`Invoice #${at.number(0)}`);
    expect(text).toContain('Maison Lumière');
    const link = page.getByTestId('invoice-pdf-link');
    await expect(link).toHaveAttribute('href', `${new URL(at.url(0)).pathname}/pdf`);
  });

  test('paying with 4242 → "Paid" with the date, a receipt link that opens, no card form; axe clean', async ({ page }) => {
    await page.goto(at.url(1));
    await pay(page, CARDS.visa);
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');
    await expect(page.getByTestId('invoice-headline')).toHaveText(/^Paid on \w+ \d+, \d{4}$/);
    await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0);
    await expect(page.getByTestId('invoice-due')).toContainText('€0.00');
    await expectAxeClean(page);
    await page.getByTestId('invoice-receipt-link').click();
    await expect(page.getByRole('heading', { name: 'Receipt from Maison Lumière' })).toBeVisible();
    await expect(page.getByText('Visa ending in 4242')).toBeVisible();
  });

  test('paying with a declined card → "Your card was declined.", the invoice still open, the name kept', async ({ page }) => {
    await page.goto(at.url(2));
    await pay(page, CARDS.declined);
    await expect(page.getByTestId('payment-error')).toHaveText('Your card was declined.');
    await expect(page.getByTestId('invoice-status')).toContainText('Open');
    await expect(page.getByLabel('Cardholder name')).toHaveValue('Claire Dubois');
  });

  test('paying with a 3-D Secure card → the challenge; completed → "Paid"', async ({ page }) => {
    await page.goto(at.url(3));
    await pay(page, CARDS.threeDSecure);
    await expect(page.getByRole('heading', { name: 'Authenticate your payment' })).toBeVisible();
    await expect(page.getByText('Amount: €18.00')).toBeVisible();
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Complete' }).click();
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');
  });

  test('a customer who subscribed in French → the page in French; paid with 4242 → "Payée"; axe clean', async ({ page }) => {
    await page.goto(at.url(4));
    await expect(page.getByRole('heading', { name: 'Facture de Maison Lumière' })).toBeVisible();
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

  test('a wrong signature → 404 and "Invoice not found"', async ({ page }) => {
    const url = new URL(at.url(0));
    const [, , id] = url.pathname.split('/');
    const response = await page.goto(`${base}/i/${id}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Invoice not found' })).toBeVisible();
    expect((await page.request.get(`${base}/i/${id}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/pdf`)).status()).toBe(404);
  });
});

test.describe('the hosted invoice page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('paying with 4242 and then a 3-D Secure card’s challenge, as plain form posts → "Paid"', async ({ page }) => {
    await page.goto(at.url(5));
    await fillCard(page, CARDS.visa, 'Claire Dubois');
    await page.getByRole('button', { name: 'Pay €18.00' }).click();
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');

    await page.goto(at.url(6));
    await fillCard(page, CARDS.threeDSecure, 'Claire Dubois');
    await page.getByRole('button', { name: 'Pay €18.00' }).click();
    await expect(page.getByRole('heading', { name: 'Authenticate your payment' })).toBeVisible();
    await page.getByRole('button', { name: 'Complete' }).click();
    await expect(page.getByTestId('invoice-status')).toContainText('Paid');
  });
});
