import type { Page } from '@playwright/test';
import { expectTotalDue, fillPaymentDetails } from './support/checkout-page';
import { expect, test, type SessionParams } from './support/fixtures';
import { defined } from './support/defined';

const SHIPPING: SessionParams = {
  shipping_address_collection: { allowed_countries: ['US', 'FR'] },
  shipping_options: [
    { shipping_rate_data: { display_name: 'Standard', type: 'fixed_amount', fixed_amount: { amount: 500, currency: 'eur' } } },
    {
      shipping_rate_data: {
        display_name: 'Express',
        type: 'fixed_amount',
        fixed_amount: { amount: 1500, currency: 'eur' },
        delivery_estimate: { minimum: { unit: 'business_day', value: 1 }, maximum: { unit: 'business_day', value: 2 } },
      },
    },
  ],
};

const shippingAddress = (page: Page) => page.getByRole('group', { name: 'Shipping address' });

async function fillShippingAddress(
  page: Page,
  a: { name: string; country: string; line1: string; city: string; state?: string; postalCode: string },
) {
  const group = shippingAddress(page);
  await group.getByLabel('Full name').fill(a.name);
  await group.getByLabel('Country or region').selectOption(a.country);
  await group.getByLabel('Address line 1').fill(a.line1);
  await group.getByLabel('City').fill(a.city);
  // The form follows the country: a US address has a State list and a ZIP code, a French one neither state nor ZIP.
  if (a.state) await group.getByLabel('State', { exact: true }).selectOption(a.state);
  await group.getByLabel(a.country === 'US' ? 'ZIP code' : 'Postal code').fill(a.postalCode);
}

test.describe('shipping', () => {
  test('choosing the second shipping option → the shipping row and the total due change', async ({ page, merchant, createSession }) => {
    const session = await createSession(SHIPPING);
    await page.goto(defined(session.url, 'session.url'));
    await expect(page.getByTestId('total-shipping')).toContainText('€5.00');
    await expectTotalDue(page, '€30.00');

    await page.getByRole('radio', { name: /Express/ }).check();

    await expect(page.getByTestId('total-shipping')).toContainText('€15.00');
    await expectTotalDue(page, '€40.00');
    await expect(page.getByRole('button', { name: 'Pay €40.00' })).toBeVisible();
    const updated = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(updated.total_details?.amount_shipping).toBe(1500);
    expect(updated.amount_total).toBe(4000);
  });

  test('the shipping options come after the shipping address, inside the pay form', async ({ page, createSession }) => {
    const session = await createSession(SHIPPING);
    await page.goto(defined(session.url, 'session.url'));
    const options = page.getByRole('group', { name: 'Shipping method' });
    await expect(options).toBeVisible();
    const order = await shippingAddress(page).evaluate(
      (address, chooser) => ({
        after: (address.compareDocumentPosition(chooser) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        sameForm: address.closest('form') === chooser.closest('form'),
      }),
      await options.elementHandle(),
    );
    expect(order).toEqual({ after: true, sameForm: true });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('"Use this shipping method" → the total follows, what was typed stays, and paying charges it', async ({
      page,
      merchant,
      shop,
      createSession,
    }) => {
      const session = await createSession(SHIPPING);
      await page.goto(defined(session.url, 'session.url'));
      await fillPaymentDetails(page, { email: 'ship@example.com' });
      await fillShippingAddress(page, { name: 'Jenny Rosen', country: 'FR', line1: '8 rue de Rivoli', city: 'Paris', postalCode: '75004' });
      await page.getByRole('radio', { name: /Express/ }).check();
      await page.getByRole('button', { name: 'Use this shipping method' }).click();

      await expect(page.getByTestId('total-shipping')).toContainText('€15.00');
      await expectTotalDue(page, '€40.00');
      await expect(page.getByRole('radio', { name: /Express/ })).toBeChecked();
      await expect(page.getByLabel('Email', { exact: true })).toHaveValue('ship@example.com');
      await expect(shippingAddress(page).getByLabel('City')).toHaveValue('Paris');

      await fillPaymentDetails(page, { email: 'ship@example.com' });
      await page.getByRole('button', { name: 'Pay €40.00' }).click();
      await expect(page).toHaveURL(shop.successUrlFor(session.id));
      const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
      expect([paid.status, paid.amount_total, paid.total_details?.amount_shipping]).toEqual(['complete', 4000, 1500]);
    });
  });

  test('paying without a shipping address → each missing part says so; with a full address → paid, and the API has the address', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession(SHIPPING);
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page);
    await page.getByRole('button', { name: 'Pay €30.00' }).click();

    await expect(page.getByTestId('payment-error')).toHaveText('Please check the highlighted fields.');
    const group = shippingAddress(page);
    // An American browser: the address starts on the United States, whose form asks a state and a ZIP code.
    await expect(group.getByLabel('Country or region')).toHaveValue('US');
    await expect(group.getByLabel('Full name')).toHaveAccessibleDescription('Enter a name.');
    await expect(group.getByLabel('Address line 1')).toHaveAccessibleDescription('Enter an address.');
    await expect(group.getByLabel('City')).toHaveAccessibleDescription('Enter a city.');
    await expect(group.getByLabel('State', { exact: true })).toHaveAccessibleDescription('Enter a state or province.');
    await expect(group.getByLabel('ZIP code')).toHaveAccessibleDescription('Enter a postal code.');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    await fillShippingAddress(page, {
      name: 'Jenny Rosen',
      country: 'US',
      line1: '510 Townsend St',
      city: 'San Francisco',
      state: 'CA',
      postalCode: '94103',
    });
    await page.getByRole('button', { name: 'Pay €30.00' }).click();

    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe('complete');
    expect(paid.collected_information?.shipping_details).toMatchObject({
      name: 'Jenny Rosen',
      address: { line1: '510 Townsend St', city: 'San Francisco', state: 'CA', postal_code: '94103', country: 'US' },
    });
    // "Billing address is same as shipping" was left ticked: one address typed, both filled.
    expect(paid.customer_details?.address).toMatchObject({ line1: '510 Townsend St', state: 'CA', postal_code: '94103', country: 'US' });
  });

  test('paying with a US shipping address and a UK postcode as its ZIP code → the error names the country and shows a ZIP code', async ({
    page,
    merchant,
    createSession,
  }) => {
    const session = await createSession(SHIPPING);
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page);
    await fillShippingAddress(page, {
      name: 'Jenny Rosen',
      country: 'US',
      line1: '510 Townsend St',
      city: 'San Francisco',
      state: 'CA',
      postalCode: 'SW1A 1AA',
    });
    await page.getByRole('button', { name: 'Pay €30.00' }).click();

    await expect(shippingAddress(page).getByLabel('ZIP code')).toHaveAccessibleDescription(
      'This postal code is not valid for United States. Example: 95014.',
    );
    await expect(shippingAddress(page).getByLabel('ZIP code')).toHaveAttribute('aria-invalid', 'true');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });
});
