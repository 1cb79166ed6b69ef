import type Stripe from 'stripe';
import { expectAxeClean } from './support/axe';
import { expectTotalDue, fillPaymentDetails } from './support/checkout-page';
import { defined } from './support/defined';
import { expect, test, type SessionParams } from './support/fixtures';

// automatic_tax on the page: the tax and the total follow the address (and the business's VAT ID) as the customer
// types it, with JavaScript as they type, without it through "Update total"; what is charged is what was shown.

async function taxedLamp(stripe: Stripe) {
  await stripe.tax.settings.update({ head_office: { address: { country: 'DE' } }, defaults: { tax_behavior: 'exclusive' } });
  await stripe.tax.registrations.create({ country: 'DE', country_options: { de: { type: 'oss_union' } }, active_from: 'now' });
  const product = await stripe.products.create({ name: 'Lamp', tax_code: 'txcd_99999999' });
  return stripe.prices.create({ product: product.id, unit_amount: 10000, currency: 'eur' });
}

const billing = (page: import('@playwright/test').Page) => page.getByRole('group', { name: 'Billing address' });

/** Automatic tax without shipping asks the whole billing address: the street and city, beside the country and postal code. */
async function fillStreet(page: import('@playwright/test').Page) {
  await billing(page).getByLabel('Full name').fill('Jeanne Martin');
  await billing(page).getByLabel('Address line 1').fill('1 Rue de Rivoli');
  await billing(page).getByLabel('City').fill('Paris');
}

test.describe('automatic tax on the page', () => {
  test('the tax follows the country chosen, a valid VAT ID reverse-charges it, and the total shown is the one charged', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const price = await taxedLamp(merchant.stripe);
    const session = await createSession({
      line_items: [{ price: price.id, quantity: 1 }],
      automatic_tax: { enabled: true },
      tax_id_collection: { enabled: true },
    });
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { country: 'DE', postalCode: '10115' });
    await fillStreet(page);
    await expect(page.getByText('VAT (19%)')).toBeVisible();
    await expectTotalDue(page, '€119.00');

    await billing(page).getByLabel('Country or region').selectOption('FR');
    await billing(page).getByLabel('Postal code').fill('75001');
    await expect(page.getByText('VAT (20%)')).toBeVisible();
    await expectTotalDue(page, '€120.00');
    await expectAxeClean(page);

    await page.getByLabel('I’m purchasing as a business').check();
    await page.getByLabel('Business name').fill('Exemple SARL');
    await page.getByLabel('Tax ID', { exact: true }).fill('FR40303265045');
    await expect(page.getByTestId('reverse-charge')).toHaveText('Reverse charge: VAT to be accounted for by the recipient.');
    await expectTotalDue(page, '€100.00');
    await expectAxeClean(page);

    await page.getByRole('button', { name: 'Pay €100.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent', 'total_details.breakdown'] });
    expect((paid.payment_intent as Stripe.PaymentIntent).amount).toBe(10000);
    expect(paid.total_details?.breakdown?.taxes.map((t) => t.taxability_reason)).toEqual(['reverse_charge']);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    /** A taxed session's page without JavaScript, a French address typed and "Update total" pressed: 20 % VAT, €120.00. */
    async function frenchTotalUpdated(
      page: import('@playwright/test').Page,
      stripe: Stripe,
      createSession: (params?: SessionParams) => Promise<Stripe.Checkout.Session>,
    ) {
      const price = await taxedLamp(stripe);
      const session = await createSession({ line_items: [{ price: price.id, quantity: 1 }], automatic_tax: { enabled: true } });
      await page.goto(defined(session.url, 'session.url'));
      await expect(page.getByTestId('total-tax')).toHaveText(/Calculated once you enter your address/);
      await fillPaymentDetails(page, { country: 'FR', postalCode: '75001' });
      await fillStreet(page);
      await page.getByRole('button', { name: 'Update total' }).click();
      await expect(page.getByText('VAT (20%)')).toBeVisible();
      await expectTotalDue(page, '€120.00');
      return session;
    }

    test('"Update total" prices the country typed, and the payment charges that total', async ({ page, merchant, shop, createSession }) => {
      const session = await frenchTotalUpdated(page, merchant.stripe, createSession);
      // What was typed stays, but the card, which is typed again.
      await expect(billing(page).getByLabel('Country or region')).toHaveValue('FR');
      await expect(billing(page).getByLabel('City')).toHaveValue('Paris');

      await fillPaymentDetails(page, { country: 'FR', postalCode: '75001' });
      await page.getByRole('button', { name: 'Pay €120.00' }).click();
      await expect(page).toHaveURL(shop.successUrlFor(session.id));
      const paid = await merchant.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
      expect((paid.payment_intent as Stripe.PaymentIntent).amount).toBe(12000);
    });

    test('Enter in a field pays: it does not press "Update total", the first button a reader sees', async ({
      page,
      merchant,
      shop,
      createSession,
    }) => {
      const session = await frenchTotalUpdated(page, merchant.stripe, createSession);

      await fillPaymentDetails(page, { country: 'FR', postalCode: '75001' });
      await page.getByLabel('Cardholder name').press('Enter');
      await expect(page).toHaveURL(shop.successUrlFor(session.id));
      const paid = await merchant.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
      expect((paid.payment_intent as Stripe.PaymentIntent).amount).toBe(12000);
    });
  });
});
