import { expectAxeClean } from './support/axe';
import { fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('purchasing as a business', () => {
  test('an invalid VAT number → the page says so and nothing is charged; the valid one → paid, with the tax ID on the session', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession({ tax_id_collection: { enabled: true } });
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page, { country: 'DE', postalCode: '10115' });

    // The business fields open from the box, and the example follows the country chosen.
    await expect(page.getByLabel('Business name')).toBeHidden();
    await page.getByLabel('I’m purchasing as a business').check();
    await page.getByLabel('Business name').fill('Muster GmbH');
    await page.getByLabel('Tax ID', { exact: true }).fill('DE136695978');
    await expect(page.getByText('Example: DE123456789')).toBeVisible();
    await expectAxeClean(page);

    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page.getByText('This tax ID is not valid. Check its format and digits.')).toBeVisible();
    await expect(page.getByLabel('Tax ID', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    await expectAxeClean(page);

    // The card's fields are never sent back: typed again, with the right number.
    await fillPaymentDetails(page, { country: 'DE', postalCode: '10115' });
    await page.getByLabel('Tax ID', { exact: true }).fill('DE 136 695 976');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(page).toHaveURL(shop.successUrlFor(session.id));

    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.customer_details).toMatchObject({ business_name: 'Muster GmbH', tax_ids: [{ type: 'eu_vat', value: 'DE136695976' }] });
  });
});
