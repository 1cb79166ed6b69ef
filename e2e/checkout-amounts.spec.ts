import type { Locator, Page } from '@playwright/test';
import { monthlyPrice, oneTimePrice } from './support/catalog';
import { expectTotalDue, untilInteractive } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

/** Posts the quantity form with any text in its field, as a crafted request could: no type or bounds in the way. */
async function postQuantity(field: Locator, value: string) {
  await field.evaluate((input: HTMLInputElement, v) => {
    input.type = 'text';
    input.removeAttribute('min');
    input.removeAttribute('max');
    input.value = v;
    if (!input.form) throw new Error('The quantity field is in no form');
    input.form.requestSubmit();
  }, value);
}

/** The cart's error line (Next's route announcer is an alert too, always empty). */
const cartError = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });

test.describe('quantities and the most a payment can be', () => {
  test('typing a quantity that would take the total over the currency limit → a readable message, and the order stays as it was', async ({
    page,
    merchant,
    createSession,
  }) => {
    const price = await oneTimePrice(merchant.stripe, 100_000, 'eur', 'Gold bar');
    const session = await createSession({
      line_items: [{ price: price.id, quantity: 1, adjustable_quantity: { enabled: true, minimum: 1, maximum: 999_999 } }],
    });
    await page.goto(defined(session.url, 'session.url'));
    await untilInteractive(page);
    const quantity = page.getByLabel('Quantity for Gold bar');

    // €1,000.00 × 1,000 is €1,000,000.00: one cent above what a payment in euros can be.
    await quantity.fill('1000');
    await quantity.press('Tab');

    await expect(cartError(page)).toHaveText(
      'The total would exceed the largest amount a single payment can be. Lower a quantity or remove an item.',
    );
    await expectTotalDue(page, '€1,000.00');
    expect((await merchant.stripe.checkout.sessions.listLineItems(session.id)).data[0].quantity).toBe(1);

    // 999 is within it.
    await quantity.fill('999');
    await quantity.press('Tab');
    await expectTotalDue(page, '€999,000.00');
  });

  test('posting an absurd quantity (1e400, -1, NaN, 2^60, 0x10) → "Choose a quantity within the allowed range." and the order stays as it was', async ({
    page,
    merchant,
    createSession,
  }) => {
    const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
    const session = await createSession({
      line_items: [{ price: price.id, quantity: 2, adjustable_quantity: { enabled: true, minimum: 1, maximum: 999_999 } }],
    });
    await page.goto(defined(session.url, 'session.url'));
    await untilInteractive(page);
    const quantity = page.getByLabel('Quantity for T-shirt');

    for (const value of ['1e400', '-1', 'NaN', String(2 ** 60), '0x10']) {
      await postQuantity(quantity, value);
      await expect(cartError(page), value).toHaveText('Choose a quantity within the allowed range.');
      await expectTotalDue(page, '€50.00');
      // The next post must show its own answer, not this one's.
      await page.reload();
      await untilInteractive(page);
    }
    expect((await merchant.stripe.checkout.sessions.listLineItems(session.id)).data[0].quantity).toBe(2);
  });

  test('the same message in French: a quantity over the limit', async ({ page, merchant, createSession }) => {
    const price = await oneTimePrice(merchant.stripe, 100_000, 'eur', 'Lingot');
    const session = await createSession({
      locale: 'fr',
      line_items: [{ price: price.id, quantity: 1, adjustable_quantity: { enabled: true, minimum: 1, maximum: 999_999 } }],
    });
    await page.goto(defined(session.url, 'session.url'));
    await untilInteractive(page);
    await postQuantity(page.getByLabel('Quantité pour Lingot'), '5000');
    await expect(cartError(page)).toHaveText(
      'Le total dépasserait le montant maximal d’un seul paiement. Réduisez une quantité ou retirez un article.',
    );
  });
});

test.describe('what a subscription costs from the next period on', () => {
  test('a subscription with a forever coupon and exclusive tax → "Then" shows the discounted, taxed amount per month', async ({
    page,
    merchant,
    createSession,
  }) => {
    const plan = await monthlyPrice(merchant.stripe, 1000, 'eur', 'Coffee club');
    const vat = await merchant.stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: false });
    const coupon = await merchant.stripe.coupons.create({ percent_off: 10, duration: 'forever' });
    const session = await createSession({
      mode: 'subscription',
      line_items: [{ price: plan.id, quantity: 2, tax_rates: [vat.id] }],
      discounts: [{ coupon: coupon.id }],
    });
    await page.goto(defined(session.url, 'session.url'));

    // (2 × €10.00 − 10%) + 20% VAT = €21.60, today and every month after.
    await expectTotalDue(page, '€21.60');
    await expect(page.getByTestId('then-recurring')).toHaveText('Then €21.60 / month');
  });

  test('a once coupon and a trial → "Then" is the full price with tax: the coupon was spent on the first invoice', async ({
    page,
    merchant,
    createSession,
  }) => {
    const plan = await monthlyPrice(merchant.stripe, 1000, 'eur', 'Coffee club');
    const vat = await merchant.stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: false });
    const coupon = await merchant.stripe.coupons.create({ amount_off: 500, currency: 'eur', duration: 'once' });
    const session = await createSession({
      mode: 'subscription',
      line_items: [{ price: plan.id, quantity: 1, tax_rates: [vat.id] }],
      discounts: [{ coupon: coupon.id }],
      subscription_data: { trial_period_days: 14 },
    });
    await page.goto(defined(session.url, 'session.url'));

    await expectTotalDue(page, '€0.00');
    await expect(page.getByTestId('then-recurring')).toHaveText('Then €12.00 / month');
  });

  test('inclusive tax stays inside the amount, and one-time items are left out of "Then"', async ({ page, merchant, createSession }) => {
    const plan = await monthlyPrice(merchant.stripe, 1200, 'eur', 'Coffee club');
    const setup = await oneTimePrice(merchant.stripe, 500, 'eur', 'Grinder setup');
    const vat = await merchant.stripe.taxRates.create({ display_name: 'TVA', percentage: 20, inclusive: true });
    const session = await createSession({
      mode: 'subscription',
      line_items: [
        { price: plan.id, quantity: 1, tax_rates: [vat.id] },
        { price: setup.id, quantity: 1 },
      ],
    });
    await page.goto(defined(session.url, 'session.url'));

    await expectTotalDue(page, '€17.00');
    await expect(page.getByTestId('then-recurring')).toHaveText('Then €12.00 / month');
  });
});
