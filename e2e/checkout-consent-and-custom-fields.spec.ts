import { fillPaymentDetails } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { defined } from './support/defined';

test.describe('terms of service and custom fields', () => {
  test('paying without ticking the required terms → the terms error; ticking them → paid, and the API records the acceptance', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession({ consent_collection: { terms_of_service: 'required' } });
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page);
    const terms = page.getByRole('checkbox', { name: 'I agree to the terms of service' });
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(terms).toHaveAccessibleDescription('You need to accept the terms of service.');
    await expect(terms).toHaveAttribute('aria-invalid', 'true');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    await terms.check();
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe('complete');
    expect(paid.consent?.terms_of_service).toBe('accepted');
  });

  test('filling custom fields wrongly, then rightly → each field’s own error, then the values in the session’s custom_fields', async ({
    page,
    merchant,
    shop,
    createSession,
  }) => {
    const session = await createSession({
      custom_fields: [
        { key: 'engraving', label: { type: 'custom', custom: 'Engraving' }, type: 'text', text: { maximum_length: 20 } },
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
        { key: 'po', label: { type: 'custom', custom: 'PO number' }, type: 'numeric' },
      ],
    });
    await page.goto(defined(session.url, 'session.url'));
    await fillPaymentDetails(page);
    const engraving = page.getByLabel('Engraving', { exact: true });
    const size = page.getByLabel('Size', { exact: true });
    const po = page.getByLabel('PO number', { exact: true });

    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(engraving).toHaveAccessibleDescription('This field is required.');
    await expect(size).toHaveAccessibleDescription('This field is required.');
    await expect(po).toHaveAccessibleDescription('This field is required.');

    await engraving.fill('For Ada');
    await size.selectOption({ label: 'Large' });
    await po.fill('PO-12');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();
    await expect(po).toHaveAccessibleDescription('Use digits only.');
    await expect(engraving).not.toHaveAttribute('aria-invalid', 'true');
    await expect(size).not.toHaveAttribute('aria-invalid', 'true');
    expect((await merchant.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    await po.fill('12345');
    await page.getByRole('button', { name: 'Pay €25.00' }).click();

    await expect(page).toHaveURL(shop.successUrlFor(session.id));
    const paid = await merchant.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe('complete');
    const values = Object.fromEntries(paid.custom_fields.map((f) => [f.key, f.text?.value ?? f.dropdown?.value ?? f.numeric?.value]));
    expect(values).toEqual({ engraving: 'For Ada', size: 'large', po: '12345' });
  });
});
