import { expect, type Page } from '@playwright/test';

/** The test processor's cards (see "Test cards" in the Stripe compatibility reference). */
export const CARDS = {
  visa: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
  threeDSecure: '4000 0027 6000 3184',
} as const;

/** A card expiry a few years ahead, as the customer types it ("MM / YY"). */
export function futureExpiry(): string {
  return `12 / ${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, '0')}`;
}

/**
 * A customer types once the page has loaded: its scripts fetched and run
 * (hydrated). Typing earlier races React taking over the server's HTML.
 */
export async function untilInteractive(page: Page): Promise<void> {
  if ('waitForLoadState' in page) await page.waitForLoadState('networkidle');
}

export type PaymentDetails = { email?: string; card?: string; name?: string; country?: string; postalCode?: string };

/** Email, card, and the billing country and postal code (unless billing follows shipping), as a customer fills them in. */
export async function fillPaymentDetails(page: Page, details: PaymentDetails = {}): Promise<void> {
  const { email = 'jenny.rosen@example.com', card = CARDS.visa, name = 'Jenny Rosen', country = 'FR', postalCode = '75001' } = details;
  await untilInteractive(page);
  if (email) await page.getByLabel('Email', { exact: true }).fill(email);
  await fillCard(page, card, name);
  // Where shipping is asked, billing is the shipping address until the customer unticks "same as shipping".
  const same = page.getByRole('checkbox', { name: 'Billing address is same as shipping' });
  if ((await same.count()) && (await same.isChecked())) return;
  const billing = page.getByRole('group', { name: 'Billing address' });
  await billing.getByLabel('Country or region').selectOption(country);
  await billing.getByLabel('Postal code').fill(postalCode);
}

export async function fillCard(page: Page, card: string, name = 'Jenny Rosen'): Promise<void> {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiration date').fill(futureExpiry());
  await page.getByLabel('CVC', { exact: true }).fill('123');
  await page.getByLabel('Cardholder name').fill(name);
}

/** Opens the promotion code field, types the code and applies it. */
export async function applyPromotionCode(page: Page, code: string): Promise<void> {
  await page.getByText('Add promotion code').click();
  await page.getByLabel('Promotion code').fill(code);
  await page.getByRole('button', { name: 'Apply' }).click();
}

/** The total due as the page shows it. */
export async function expectTotalDue(page: Page, amount: string): Promise<void> {
  await expect(page.getByTestId('total-due')).toContainText(amount);
}
