import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { oneTimePrice } from './support/catalog';
import { CARDS, fillPaymentDetails } from './support/checkout-page';
import { expect, test, type SessionParams } from './support/fixtures';
import { defined } from './support/defined';

/** axe's serious and critical findings, in a shape that reads well in a failed assertion. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

test.describe('accessibility (axe: no serious or critical violations)', () => {
  test('opening a plain checkout → no serious or critical violations', async ({ page, createSession }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.getByTestId('pay-button')).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('opening a checkout with every collection option on → no serious or critical violations', async ({
    page,
    merchant,
    createSession,
  }) => {
    const price = await oneTimePrice(merchant.stripe, 2500, 'eur');
    const socks = await oneTimePrice(merchant.stripe, 500, 'eur', 'Socks');
    const everything: SessionParams = {
      line_items: [{ price: price.id, quantity: 2, adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 } }],
      optional_items: [{ price: socks.id, quantity: 1 }],
      allow_promotion_codes: true,
      billing_address_collection: 'required',
      phone_number_collection: { enabled: true },
      tax_id_collection: { enabled: true },
      shipping_address_collection: { allowed_countries: ['US', 'FR', 'DE'] },
      shipping_options: [
        { shipping_rate_data: { display_name: 'Standard', type: 'fixed_amount', fixed_amount: { amount: 500, currency: 'eur' } } },
        { shipping_rate_data: { display_name: 'Express', type: 'fixed_amount', fixed_amount: { amount: 1500, currency: 'eur' } } },
      ],
      consent_collection: { terms_of_service: 'required', promotions: 'auto' },
      custom_fields: [
        { key: 'engraving', label: { type: 'custom', custom: 'Engraving' }, type: 'text' },
        {
          key: 'size',
          label: { type: 'custom', custom: 'Size' },
          type: 'dropdown',
          dropdown: {
            options: [
              { label: 'Small', value: 'small' },
              { label: 'Large', value: 'large' },
            ],
          },
        },
        { key: 'po', label: { type: 'custom', custom: 'PO number' }, type: 'numeric', optional: true },
      ],
      custom_text: {
        submit: { message: 'We ship within two days.' },
        shipping_address: { message: 'We ship to the US, France and Germany.' },
      },
    };
    const session = await createSession(everything);
    await page.goto(defined(session.url, 'session.url'));
    await page.getByText('Add promotion code').click();
    await expect(page.getByLabel('Promotion code')).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('pressing Pay on an empty form → the errors shown, with no serious or critical violations', async ({ page, createSession }) => {
    const session = await createSession({
      consent_collection: { terms_of_service: 'required' },
      shipping_address_collection: { allowed_countries: ['US'] },
    });
    await page.goto(defined(session.url, 'session.url'));
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page.getByTestId('payment-error')).toBeVisible();
    await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('opening an expired checkout → no serious or critical violations', async ({ page, merchant, createSession }) => {
    const session = await createSession();
    await merchant.stripe.checkout.sessions.expire(session.id);
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.getByTestId('checkout-expired')).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('opening an unknown checkout id → the 404 page with no serious or critical violations', async ({ page }) => {
    await page.goto('/c/cs_test_doesNotExist0000000000000000000000');
    await expect(page.getByTestId('checkout-not-found')).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);
  });

  test('paying with a 3-D Secure card → the challenge page with no serious or critical violations', async ({ page, createSession }) => {
    const session = await createSession();
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { card: CARDS.threeDSecure });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page.getByTestId('authenticate')).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);
  });
});
