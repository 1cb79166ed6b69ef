import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { seriousViolations } from './support/axe';
import { CARDS, fillPaymentDetails } from './support/checkout-page';
import { expect, test, type SessionParams } from './support/fixtures';
import { defined } from './support/defined';
import type { Merchant } from './support/merchant';

/** The customer pays the session on the hosted page; the receipt_url of the charge it left, as the merchant's charge.succeeded event carries it. */
async function payAndFindReceipt(page: Page, merchant: Merchant, session: Stripe.Checkout.Session, payLabel: string): Promise<string> {
  await page.goto(defined(session.url, 'session.url'));
  await fillPaymentDetails(page, { card: CARDS.visa });
  await page.getByRole('button', { name: payLabel }).click();
  await expect(page).not.toHaveURL(/\/c\//);
  const [event] = (await merchant.stripe.events.list({ type: 'charge.succeeded' })).data;
  return defined((event.data.object as Stripe.Charge).receipt_url, 'receipt_url');
}

test.describe('the hosted receipt page', () => {
  test('opening a paid charge’s receipt → the amount, the card’s last four, and no serious or critical axe violations', async ({
    page,
    merchant,
    createSession,
  }) => {
    const receiptUrl = await payAndFindReceipt(page, merchant, await createSession(), 'Pay €25.00');
    await page.goto(receiptUrl);
    await expect(page.getByRole('heading', { name: 'Receipt from Test Shop' })).toBeVisible();
    await expect(page.getByTestId('receipt-total')).toContainText('€25.00');
    await expect(page.getByText('Visa ending in 4242')).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a dark, pill-shaped brand → the receipt wears it and still has no serious or critical axe violations', async ({
    page,
    merchant,
    createSession,
  }) => {
    const dark: SessionParams = {
      branding_settings: { background_color: '#14213d', button_color: '#fca311', border_style: 'pill', font_family: 'lora' },
    };
    const receiptUrl = await payAndFindReceipt(page, merchant, await createSession(dark), 'Pay €25.00');
    await page.goto(receiptUrl);
    await expect(page.getByTestId('receipt')).toBeVisible();
    const background = await page.getByTestId('receipt').evaluate((el) => getComputedStyle(el.parentElement ?? el).backgroundColor);
    expect(background).toBe('rgb(20, 33, 61)');

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('opening a receipt link with a wrong signature → 404 and "Receipt not found"', async ({ page }) => {
    const response = await page.goto('/receipts/ch_doesnotexist0000000000/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Receipt not found' })).toBeVisible();
  });
});
